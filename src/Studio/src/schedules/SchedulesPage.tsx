import { EmptyState } from "../ui/EmptyState";

/** Placeholder until this page is built. */
export function SchedulesPage() {
  return <EmptyState title="SchedulesPage" detail="Not built yet." />;
}
