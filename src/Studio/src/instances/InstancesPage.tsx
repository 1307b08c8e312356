import { EmptyState } from "../ui/EmptyState";

/** Placeholder until this page is built. */
export function InstancesPage() {
  return <EmptyState title="InstancesPage" detail="Not built yet." />;
}
