import { useCallback, useEffect, useMemo, useState } from "react";
import { instancesApi } from "../api/instances";
import { loadDescriptors } from "../api/descriptors";
import { workflowsApi } from "../api/workflows";
import type { WorkflowDetails } from "../api/types";
import type { ActivityDescriptor } from "../api/types";
import { DataPreview } from "../data/DataPreview";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ActivityDetails } from "./ActivityDetails";
import { datasetCheck } from "./datasetOutput";
import { activityRuns } from "./activityStatus";
import { FilesList } from "./FilesList";
import { InstanceGraph } from "./InstanceGraph";
import { InstanceHeader } from "./InstanceHeader";
import { instanceGraph, withRuns } from "./instanceGraph";
import { JournalTimeline } from "./JournalTimeline";
import { LogView } from "./LogView";
import { Tabs, type TabItem } from "./Tabs";
import { useInstance } from "./useInstance";
import { ValuesPane } from "./ValuesPane";
import "./instances.css";

type Pane = "values" | "journal" | "log" | "activity" | "data" | "files";
const Panes: TabItem<Pane>[] = [
  { key: "journal", label: "Journal" },
  { key: "values", label: "Inputs & outputs" },
  { key: "log", label: "Log" },
  { key: "activity", label: "Activity" },
  { key: "data", label: "Data" },
  { key: "files", label: "Files" },
];

/** /studio/instances/ID: the instance's header and actions, its flow coloured live by activity status, and its panes. */
export function InstancePage({ instanceId }: { instanceId: string }) {
  const { details, journal, logs, error, reload } = useInstance(instanceId);
  const [flow, setFlow] = useState<WorkflowDetails | null>(null);
  const [descriptors, setDescriptors] = useState<ActivityDescriptor[] | null>(null);
  const [flowError, setFlowError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane>("journal");

  const definitionId = details?.instance.definitionId;
  const version = details?.instance.definitionVersion;
  useEffect(() => {
    if (!definitionId || version === undefined) return;
    let current = true;
    Promise.all([workflowsApi.version(definitionId, version), loadDescriptors()])
      .then(([f, d]) => current && (setFlow(f), setDescriptors(d)))
      .catch((e) => current && setFlowError(e));
    return () => {
      current = false;
    };
  }, [definitionId, version]);

  const graph = useMemo(() => (flow && descriptors ? instanceGraph(flow.document, descriptors) : null), [flow, descriptors]);
  const nodeIds = useMemo(() => new Set(graph?.nodes.map((n) => n.id) ?? []), [graph]);
  const runs = useMemo(() => activityRuns(journal, details ?? undefined), [journal, details]);
  const selectedNode = useMemo(() => (graph && selected ? withRuns(graph.nodes, runs).find((n) => n.id === selected) : undefined), [graph, runs, selected]);
  const load = useCallback(
    (offset: number, limit: number) => instancesApi.preview(instanceId, selected ?? "", offset, limit),
    [instanceId, selected],
  );
  const select = useCallback((activityId: string | null) => {
    setSelected(activityId);
    if (activityId) setPane((p) => (p === "values" || p === "journal" || p === "log" || p === "files" ? "activity" : p));
  }, []);

  const ended = details ? ["Finished", "Faulted", "Cancelled"].includes(details.instance.status) : false;
  const dataset = details && selected ? datasetCheck(selected, details.activityOutputs, ended) : null;

  if (!details) {
    return error ? <ErrorBanner error={error} /> : <p className="muted" role="status">Loading instance {instanceId}…</p>;
  }
  const activityPicker = graph && (
    <label className="activity-picker">
      Activity{" "}
      <select value={selected ?? ""} onChange={(e) => setSelected(e.target.value || null)}>
        <option value="">(pick one)</option>
        {graph.nodes.map((n) => <option key={n.id} value={n.id}>{n.id} ({n.data.activity.type})</option>)}
      </select>
    </label>
  );
  return (
    <div className="instance-page">
      <InstanceHeader details={details} flowName={flow?.document.name} onChanged={reload} />
      <ErrorBanner error={error} />
      <ErrorBanner error={flowError} />
      {graph ? (
        <InstanceGraph graph={graph} runs={runs} selected={selected} onSelect={select} />
      ) : (
        !flowError && <p className="muted instance-graph-loading">Loading the flow…</p>
      )}
      <Tabs label="Instance panes" tabs={Panes} current={pane} onChange={setPane}>
        {pane === "values" && <ValuesPane details={details} />}
        {pane === "journal" && <JournalTimeline journal={journal} activities={nodeIds} onSelect={select} />}
        {pane === "log" && <LogView logs={logs} />}
        {pane === "activity" && (
          <>
            {activityPicker}
            {selectedNode ? (
              <ActivityDetails data={selectedNode.data} output={details.activityOutputs[selectedNode.id]}
                hasOutput={selectedNode.id in details.activityOutputs} journal={journal.filter((e) => e.activityId === selectedNode.id)} />
            ) : (
              <EmptyState title="No activity selected" detail="Click an activity on the graph or pick one above." />
            )}
          </>
        )}
        {pane === "data" && (
          <>
            {activityPicker}
            {selected && dataset?.ok ? (
              <DataPreview key={`${selected}:${runs.status[selected] ?? ""}`} load={load} title={`Output of ${selected}`} />
            ) : selected && dataset && !dataset.ok ? (
              <EmptyState title={`No rows for ${selected}`} detail={dataset.reason} />
            ) : (
              <EmptyState title="No activity selected" detail="Click a data activity on the graph (or pick one above) to see its output rows." />
            )}
          </>
        )}
        {pane === "files" && <FilesList instanceId={instanceId} refresh={details.instance.status} />}
      </Tabs>
    </div>
  );
}
