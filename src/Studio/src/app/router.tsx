import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The app lives under /studio/; routes are the path after it, e.g. "flows/orders". */
export const Base = "/studio/";

const listeners = new Set<() => void>();
window.addEventListener("popstate", () => listeners.forEach((l) => l()));

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function currentLocation() {
  return window.location.pathname + window.location.search;
}

/** Moves to a route inside the Studio without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  const url = to.startsWith("/") ? to : Base + to;
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  listeners.forEach((l) => l());
}

/** The current route split into segments ("instances/abc" -> ["instances", "abc"]) and its query. */
export function useRoute() {
  const location = useSyncExternalStore(subscribe, currentLocation);
  const url = new URL(location, window.location.origin);
  const path = url.pathname.startsWith(Base) ? url.pathname.slice(Base.length) : url.pathname.replace(/^\/studio\/?/, "");
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { segments, query: url.searchParams };
}

/** An anchor that navigates inside the Studio (ctrl/middle click still opens a new tab). */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const href = to.startsWith("/") ? to : Base + to;
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
