import { EmptyState } from "../ui/EmptyState";

/** Placeholder until this page is built. */
export function FlowsPage() {
  return <EmptyState title="FlowsPage" detail="Not built yet." />;
}
