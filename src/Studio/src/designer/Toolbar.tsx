import { memo, useId, useState } from "react";

export interface ToolbarProps {
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  dirty: boolean;
  busy: string | null;
  /** The user may edit this definition (an operator key and not from a file). */
  editable: boolean;
  /** The user may run and preview (an operator key). */
  canRun: boolean;
  fromFile: boolean;
  problemCount: number;
  selectedId: string | null;
  canUndo: boolean;
  canRedo: boolean;
  onSave: () => void;
  onPublish: () => void;
  onRun: () => void;
  onPreview: (rows: number) => void;
  onLayout: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onVersions: () => void;
  onHelp: () => void;
  onSaveAsCopy: () => void;
}

/** The designer's toolbar: flow name and version state, save/publish, run, preview, layout, undo/redo, history, help. */
export const Toolbar = memo(function Toolbar(p: ToolbarProps) {
  const [rows, setRows] = useState(100);
  const blockedId = useId();
  const upToDate = p.publishedVersion === p.latestVersion && !p.dirty;
  const publishBlocked = p.problemCount > 0 ? `Fix ${p.problemCount === 1 ? "the problem" : `the ${p.problemCount} problems`} to publish` : null;
  const state = p.publishedVersion === null ? "never published" : upToDate ? `published (v${p.publishedVersion})` : `v${p.publishedVersion} published`;
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer">
      <div className="designer-title">
        <h1>{p.name}</h1>
        <span className="designer-muted" aria-label="Version">
          version {p.latestVersion} · {state}
          {p.dirty && <strong className="unsaved"> · unsaved changes</strong>}
          {p.fromFile && <span className="badge"> read-only: from a file</span>}
        </span>
      </div>
      {p.busy && <span className="designer-muted" role="status">{p.busy}…</span>}
      {p.editable && (
        <>
          <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title="Undo (Ctrl+Z)">Undo</button>
          <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
          <button type="button" onClick={p.onLayout} title="Arrange the activities left to right">Auto-layout</button>
        </>
      )}
      <button type="button" onClick={p.onVersions}>Versions</button>
      {p.canRun && (
        <span className="preview-control">
          <button type="button" onClick={() => p.onPreview(rows)} disabled={!p.selectedId || p.busy !== null}
            title={p.selectedId ? `Run up to ${p.selectedId} on the first rows, writing nothing` : "Select an activity to preview its rows"}>
            Preview
          </button>
          <input type="number" min={1} max={10000} value={rows} aria-label="Preview rows" onChange={(e) => setRows(Math.max(1, Number(e.target.value) || 100))} />
        </span>
      )}
      {p.canRun && <button type="button" onClick={p.onRun} disabled={p.busy !== null}>Run</button>}
      {p.editable && (
        <>
          <button type="button" onClick={p.onSave} disabled={!p.dirty || p.busy !== null} title="Save a new draft version (Ctrl+S)">Save draft</button>
          <button type="button" className="primary" onClick={p.onPublish} disabled={upToDate || publishBlocked !== null || p.busy !== null}
            aria-describedby={publishBlocked ? blockedId : undefined} title={upToDate ? "This version is already published" : "Save and publish: runs use it from now on"}>
            Publish
          </button>
          {publishBlocked && <span id={blockedId} className="publish-blocked">{publishBlocked}</span>}
        </>
      )}
      {p.fromFile && p.canRun && <button type="button" onClick={p.onSaveAsCopy}>Save as copy</button>}
      <button type="button" className="help" onClick={p.onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
    </div>
  );
});
