import { EmptyState } from "../ui/EmptyState";

/** Placeholder until this page is built. */
export function WorkersPage() {
  return <EmptyState title="WorkersPage" detail="Not built yet." />;
}
