import { useEffect, useState } from "react";
import { workflowsApi, type WorkflowVersion } from "../api/workflows";
import type { FlowDocument } from "../api/types";
import { ErrorBanner } from "../ui/ErrorBanner";
import { describeDiff, diffFlows } from "./flowDiff";

const ComparedVersions = 30;

interface Row extends WorkflowVersion {
  summary?: string;
}

/**
 * The version history: each version's number, date and published marker, with what the current canvas changes
 * compared to it (computed here from both documents); Restore copies that version into a new draft.
 */
export function VersionsDrawer({ definitionId, current, canRestore, onRestore, onClose }: {
  definitionId: string;
  current: () => FlowDocument;
  canRestore: boolean;
  onRestore: (version: number) => Promise<void>;
  onClose: () => void;
}) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    workflowsApi
      .versions(definitionId)
      .then(async (versions) => {
        if (!live) return;
        setRows(versions);
        const now = current();
        const details = await Promise.all(
          versions.slice(0, ComparedVersions).map((v) => workflowsApi.version(definitionId, v.version).catch(() => null)),
        );
        if (!live) return;
        const summaries = new Map(details.filter((d) => d !== null).map((d) => [d!.version, describeDiff(diffFlows(d!.document, now))]));
        setRows(versions.map((v) => ({ ...v, summary: summaries.get(v.version) })));
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [definitionId, current]);

  const restore = async (version: number) => {
    setRestoring(version);
    setError(null);
    try {
      await onRestore(version);
    } catch (e) {
      setError(e);
      setRestoring(null);
    }
  };

  return (
    <aside className="designer-drawer" aria-label="Version history">
      <header>
        <h2>Version history</h2>
        <button type="button" className="link" aria-label="Close version history" onClick={onClose}>
          ×
        </button>
      </header>
      <ErrorBanner error={error} />
      {!rows && !error && <p className="designer-muted">Loading versions…</p>}
      {rows && (
        <ol className="versions">
          {rows.map((v) => (
            <li key={v.version} aria-label={`Version ${v.version}`}>
              <div>
                <strong>Version {v.version}</strong>
                {v.isPublished && <span className="badge published">published</span>}
                {v.isLatest && <span className="badge">latest</span>}
              </div>
              <time dateTime={v.updatedAt} className="designer-muted">
                {new Date(v.updatedAt).toLocaleString()}
              </time>
              <div className="version-diff">{v.summary === undefined ? "…" : `Current canvas vs this version: ${v.summary}`}</div>
              {canRestore && !v.isLatest && (
                <button type="button" onClick={() => void restore(v.version)} disabled={restoring !== null}>
                  {restoring === v.version ? "Restoring…" : `Restore version ${v.version}`}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
