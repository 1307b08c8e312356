import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useReactFlow } from "@xyflow/react";
import type { ValidationError } from "../api/client";
import { workflowsApi } from "../api/workflows";
import type { WorkflowDetails } from "../api/types";
import type { ActivityDescriptor, FlowActivity, FlowDocument } from "../api/types";
import { navigate } from "../app/router";
import { session } from "../auth/session";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ConnectionsSection } from "./ConnectionsSection";
import { FlowCanvas } from "./FlowCanvas";
import { Palette } from "./Palette";
import { PreviewPanel, type PreviewState } from "./PreviewPanel";
import { ProblemsList } from "./ProblemsList";
import { PropertyPanel } from "./properties/PropertyPanel";
import { WorkflowSettings } from "./properties/WorkflowSettings";
import { RunBanner } from "./RunBanner";
import { RunDialog } from "./RunDialog";
import { SaveAsCopyDialog } from "./SaveAsCopyDialog";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { Toolbar } from "./Toolbar";
import { useDisplayNodes } from "./useDisplayNodes";
import { useFlowEditor } from "./useFlowEditor";
import { useRun } from "./useRun";
import { useShortcuts } from "./useShortcuts";
import { useValidation } from "./useValidation";
import { VersionsDrawer } from "./VersionsDrawer";

type Open = "run" | "versions" | "help" | "copy" | null;

/** The loaded designer: palette, canvas, property panel, problems, toolbar actions and the run followed live. */
export function Designer({ details, publishedVersion: initiallyPublished, descriptors, onReload }: {
  details: WorkflowDetails;
  publishedVersion: number | null;
  descriptors: ActivityDescriptor[];
  onReload: () => void;
}) {
  const definitionId = details.definitionId;
  const canRun = session.canEdit();
  const readOnly = details.isReadOnly || !canRun;
  const descriptorMap = useMemo(() => new Map(descriptors.map((d) => [d.type, d])), [descriptors]);
  const editor = useFlowEditor(details.document, descriptorMap, readOnly);
  const { actions } = editor;
  const { problems, failed: validationFailed } = useValidation(actions.document, editor.revision, details.problems ?? []);
  const { run, start, clear } = useRun(definitionId);
  const displayNodes = useDisplayNodes(editor.nodes, editor.edges, problems, run?.activities);
  const { screenToFlowPosition } = useReactFlow();

  const [versions, setVersions] = useState({ latest: details.version, published: initiallyPublished });
  const [savedRevision, setSavedRevision] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Open>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const dirty = editor.revision !== savedRevision && !readOnly;

  // Closing or reloading the tab with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const selected = useMemo(() => {
    const picked = editor.nodes.filter((n) => n.selected);
    return picked.length === 1 ? picked[0] : null;
  }, [editor.nodes]);
  const nodeIds = useMemo(() => new Set(editor.nodes.map((n) => n.id)), [editor.nodes]);
  const { activityProblems, flowProblems } = useMemo(() => splitProblems(problems, nodeIds), [problems, nodeIds]);
  const selectedId = selected?.id;
  // The property panel starts afresh for another activity, but not when the one it edits is renamed.
  const panel = useRef({ nodeId: "", key: "" });
  if (selectedId && selectedId !== panel.current.nodeId) panel.current = { nodeId: selectedId, key: selectedId };
  const updateSelected = useCallback(
    (activity: FlowActivity) => {
      if (!selectedId) return;
      actions.updateActivity(selectedId, activity);
      if (activity.id !== selectedId) panel.current = { ...panel.current, nodeId: activity.id };
    },
    [selectedId, actions],
  );
  const selectedProblems = useMemo(() => (selected ? activityProblems.filter((p) => p.activityId === selected.id) : []), [activityProblems, selected]);
  // One undo step, as Delete on a selected edge is.
  const removeEdge = useCallback(async (id: string) => {
    if (await actions.onBeforeDelete()) actions.onEdgesChange([{ type: "remove", id }]);
  }, [actions]);

  /** Wraps a toolbar action: one at a time, its failure shown in the banner. */
  const perform = useCallback(async <T,>(label: string, work: () => Promise<T>): Promise<T> => {
    setBusy(label);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      throw e;
    } finally {
      setBusy(null);
    }
  }, []);

  const saveDraft = useCallback(async () => {
    const revision = editor.revision;
    const saved = await workflowsApi.save(definitionId, actions.document());
    setSavedRevision(revision);
    setVersions((v) => ({ ...v, latest: saved.version }));
    return saved;
  }, [definitionId, actions, editor.revision]);

  const save = useCallback(() => {
    if (dirty) perform("Saving", saveDraft).catch(() => undefined);
  }, [dirty, perform, saveDraft]);

  /** Saves pending edits, then publishes the latest version; a 400 lists its problems in the banner. */
  const publishNow = useCallback(async () => {
    if (dirty) await saveDraft();
    const published = await workflowsApi.publish(definitionId);
    setVersions({ latest: published.version, published: published.version });
  }, [dirty, saveDraft, definitionId]);
  const publish = useCallback(() => void perform("Publishing", publishNow).catch(() => undefined), [perform, publishNow]);

  const runWith = useCallback(
    async (inputs: Record<string, unknown>, publishFirst: boolean) => {
      if (publishFirst) await publishNow();
      await start(inputs);
      setOpen(null);
    },
    [publishNow, start],
  );

  const showPreview = useCallback(
    (rows: number) => {
      if (!selected) return;
      const activityId = selected.id;
      setPreview({ activityId, rows });
      const document = actions.document();
      const inputs = Object.fromEntries((document.inputs ?? []).filter((i) => i.default !== undefined).map((i) => [i.name, i.default]));
      // The canvas is previewed as it is, unsaved edits included, and nothing is saved: no new version per preview.
      perform("Previewing", () => workflowsApi.previewDraft(definitionId, activityId, rows, document, inputs))
        .then((result) => setPreview({ activityId, rows, result }))
        .catch((e) => {
          setError(null);
          setPreview({ activityId, rows, error: e });
        });
    },
    [selected, actions, perform, definitionId],
  );

  const restore = useCallback(
    async (version: number) => {
      await workflowsApi.restore(definitionId, version);
      onReload();
    },
    [definitionId, onReload],
  );

  const saveAsCopy = useCallback(
    async (id: string) => {
      const document: FlowDocument = { ...actions.document(), definitionId: id, name: `${editor.flow.name ?? definitionId} (copy)` };
      await workflowsApi.create(document);
      navigate(`flows/${encodeURIComponent(id)}`);
    },
    [actions, editor.flow.name, definitionId],
  );

  const addAtCentre = useCallback(
    (type: string) => {
      const pane = document.querySelector(".designer-canvas")?.getBoundingClientRect();
      const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
      const at = screenToFlowPosition(centre);
      actions.addActivity(type, { x: at.x - 100, y: at.y - 32 });
    },
    [actions, screenToFlowPosition],
  );

  useShortcuts({
    copy: actions.copy,
    paste: actions.paste,
    undo: actions.undo,
    redo: actions.redo,
    save,
    help: () => setOpen((o) => (o === "help" ? null : "help")),
  });

  const publishBlocked = problems.length > 0 ? `${problems.length} problem${problems.length > 1 ? "s" : ""} to fix` : null;
  return (
    <div className={`designer${readOnly ? " read-only" : ""}`}>
      <Toolbar
        name={editor.flow.name || definitionId}
        latestVersion={versions.latest}
        publishedVersion={versions.published}
        dirty={dirty}
        busy={busy}
        editable={!readOnly}
        canRun={canRun}
        fromFile={details.isReadOnly}
        problemCount={problems.length}
        selectedId={selected?.id ?? null}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onSave={save}
        onPublish={publish}
        onRun={() => setOpen("run")}
        onPreview={showPreview}
        onLayout={actions.layout}
        onUndo={actions.undo}
        onRedo={actions.redo}
        onVersions={() => setOpen((o) => (o === "versions" ? null : "versions"))}
        onHelp={() => setOpen("help")}
        onSaveAsCopy={() => setOpen("copy")}
      />
      <div className="designer-messages">
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {run && <RunBanner run={run} shown={nodeIds} onClose={clear} />}
      </div>
      {!readOnly && <Palette descriptors={descriptors} onAdd={addAtCentre} />}
      <FlowCanvas
        nodes={displayNodes}
        edges={editor.edges}
        readOnly={readOnly}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={actions.onConnect}
        onBeforeDelete={actions.onBeforeDelete}
        onDragStart={actions.onDragStart}
        onDragStop={actions.onDragStop}
        onDropActivity={actions.addActivity}
      />
      <div className="designer-side">
        {open === "versions" ? (
          <VersionsDrawer definitionId={definitionId} current={actions.document} canRestore={!readOnly} onRestore={restore} onClose={() => setOpen(null)} />
        ) : selected ? (
          <>
            <PropertyPanel key={panel.current.key} descriptor={selected.data.descriptor} activity={selected.data.activity} onChange={updateSelected}
              errors={selectedProblems} readOnly={readOnly} />
            <ConnectionsSection key={`connections-${selected.id}`} node={selected} nodes={editor.nodes} edges={editor.edges} readOnly={readOnly}
              onConnect={actions.onConnect} onRemove={removeEdge} />
          </>
        ) : (
          <WorkflowSettings flow={editor.flow} onChange={actions.updateFlow} errors={flowProblems} readOnly={readOnly} />
        )}
      </div>
      <div className="designer-bottom">
        {preview && <PreviewPanel preview={preview} onClose={() => setPreview(null)} />}
        <ProblemsList problems={flowProblems} total={problems.length} failed={validationFailed} />
      </div>
      {open === "run" && (
        <RunDialog inputs={editor.flow.inputs ?? []}
          choice={{ draftPending: dirty || versions.latest !== versions.published, publishedVersion: versions.published, publishBlocked: readOnly ? null : publishBlocked }}
          onRun={runWith} onClose={() => setOpen(null)} />
      )}
      {open === "help" && <ShortcutsHelp onClose={() => setOpen(null)} />}
      {open === "copy" && <SaveAsCopyDialog definitionId={definitionId} onSave={saveAsCopy} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** Problems on an activity of the canvas go to its node and fields; the rest (flow-level, "root", unknown ids) to the list. */
function splitProblems(problems: ValidationError[], ids: Set<string>) {
  const activityProblems: ValidationError[] = [];
  const flowProblems: ValidationError[] = [];
  for (const p of problems) (p.activityId && p.activityId !== "root" && ids.has(p.activityId) ? activityProblems : flowProblems).push(p);
  return { activityProblems, flowProblems };
}

