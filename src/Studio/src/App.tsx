import { useSyncExternalStore } from "react";
import { Link, useRoute } from "./app/router";
import { session } from "./auth/session";
import { SignIn } from "./auth/SignIn";
import { FlowsPage } from "./flows/FlowsPage";
import { DesignerPage } from "./designer/DesignerPage";
import { InstancesPage } from "./instances/InstancesPage";
import { InstancePage } from "./instances/InstancePage";
import { WorkersPage } from "./workers/WorkersPage";
import { SchedulesPage } from "./schedules/SchedulesPage";
import { ConnectionsPage } from "./connections/ConnectionsPage";
import { EmptyState } from "./ui/EmptyState";

const Sections = [
  { route: "flows", label: "Flows" },
  { route: "instances", label: "Instances" },
  { route: "workers", label: "Workers" },
  { route: "schedules", label: "Schedules" },
  { route: "connections", label: "Connections" },
];

/** The Studio shell: sign-in until there is a key, then the navigation bar and the page of the current route. */
export function App() {
  const key = useSyncExternalStore(session.subscribe, session.key);
  const { segments } = useRoute();
  if (!key) return <SignIn />;
  const section = segments[0] ?? "flows";
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="flows" className="brand">ElsaFlow Studio</Link>
        <nav aria-label="Sections">
          {Sections.map((s) => (
            <Link key={s.route} to={s.route} aria-current={section === s.route ? "page" : undefined}>
              {s.label}
            </Link>
          ))}
        </nav>
        <span className="who" title="Signed in with this API key">
          {session.name()} <span className="role">{session.role()}</span>
        </span>
        <button type="button" className="link" onClick={() => session.signOut()}>
          Sign out
        </button>
      </header>
      <main className="page">{page(segments)}</main>
    </div>
  );
}

function page(segments: string[]) {
  const [section = "flows", id] = segments;
  switch (section) {
    case "flows":
      return id ? <DesignerPage key={id} definitionId={id} /> : <FlowsPage />;
    case "instances":
      return id ? <InstancePage key={id} instanceId={id} /> : <InstancesPage />;
    case "workers":
      return <WorkersPage />;
    case "schedules":
      return <SchedulesPage />;
    case "connections":
      return <ConnectionsPage />;
    default:
      return <EmptyState title="Page not found" detail={`There is no page at /studio/${segments.join("/")}.`} />;
  }
}
