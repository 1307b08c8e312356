import { EmptyState } from "../ui/EmptyState";

/** Placeholder until this page is built. */
export function DesignerPage(props: { definitionId: string }) {
  return <EmptyState title="DesignerPage" detail={"Not built yet. " + JSON.stringify(props)} />;
}
