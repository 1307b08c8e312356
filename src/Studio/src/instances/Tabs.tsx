import { memo, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

/** ARIA tabs: a tablist (arrow keys, Home, End move between tabs) over the panel of the current tab. */
function TabsOf<K extends string>({ label, tabs, current, onChange, children }: {
  label: string;
  tabs: TabItem<K>[];
  current: K;
  onChange: (key: K) => void;
  children: ReactNode;
}) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const keyDown = (e: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.key === current);
    const next = e.key === "ArrowRight" ? (index + 1) % tabs.length
      : e.key === "ArrowLeft" ? (index - 1 + tabs.length) % tabs.length
      : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].key);
    list.current?.querySelectorAll<HTMLButtonElement>("[role=tab]")[next]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} ref={list} onKeyDown={keyDown}>
        {tabs.map((t) => (
          <button key={t.key} type="button" role="tab" id={`${id}-${t.key}`} aria-selected={t.key === current} aria-controls={`${id}-panel`}
            tabIndex={t.key === current ? 0 : -1} onClick={() => onChange(t.key)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}

export const Tabs = memo(TabsOf) as typeof TabsOf;
