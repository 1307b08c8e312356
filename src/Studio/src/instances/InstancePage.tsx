import { EmptyState } from "../ui/EmptyState";

/** Placeholder until this page is built. */
export function InstancePage(props: { instanceId: string }) {
  return <EmptyState title="InstancePage" detail={"Not built yet. " + JSON.stringify(props)} />;
}
