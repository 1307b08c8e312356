import { useCallback } from "react";
import { ErrorBanner } from "../ui/ErrorBanner";
import { DataPreview, type DataPage } from "../data/DataPreview";

/** What a preview run (POST /api/workflows/{id}/preview/{activityId}) answered, or is waiting for. */
export interface PreviewState {
  activityId: string;
  rows: number;
  result?: DataPage;
  error?: unknown;
}

/** The bottom panel with an activity's preview rows: a run up to that activity on the first N rows, nothing written. */
export function PreviewPanel({ preview, onClose }: { preview: PreviewState; onClose: () => void }) {
  const { result } = preview;
  // The preview run answered all its rows at once; the table pages through them here.
  const load = useCallback(
    async (offset: number, limit: number): Promise<DataPage> => ({ ...result!, offset, rows: result!.rows.slice(offset, offset + limit) }),
    [result],
  );
  return (
    <section className="designer-preview" aria-label={`Preview of ${preview.activityId}`}>
      <header>
        <strong>
          Preview of {preview.activityId} (first {preview.rows} rows, nothing written)
        </strong>
        <button type="button" className="link" aria-label="Close preview" onClick={onClose}>
          ×
        </button>
      </header>
      {!result && !preview.error && <p className="designer-muted" role="status">Running the flow up to {preview.activityId}…</p>}
      <ErrorBanner error={preview.error} />
      {result && <DataPreview key={preview.activityId + preview.rows} load={load} title={preview.activityId} />}
    </section>
  );
}
