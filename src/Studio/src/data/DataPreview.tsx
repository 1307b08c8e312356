import { memo, useCallback, useEffect, useState } from "react";
import { ErrorBanner } from "../ui/ErrorBanner";
import { EmptyState } from "../ui/EmptyState";
import { cellText, isNumericType } from "./cellText";
import "./data.css";

/** A page of a dataset as the preview routes answer it: columns with DuckDB types, total rows, rows as objects. */
export interface DataPage {
  columns: { name: string; type: string }[];
  rowCount: number;
  offset: number;
  rows: Record<string, unknown>[];
}

const PageSizes = [10, 25, 50, 100, 500];

/**
 * A paged table of a dataset: the schema (column names and DuckDB types), the row count, Prev/Next and a page size;
 * nulls show apart from text, long values are cut with the whole value in the tooltip. Pass a stable `load` (useCallback):
 * a new one means another dataset.
 */
export const DataPreview = memo(function DataPreview({ load, title, pageSize = 25 }: {
  load: (offset: number, limit: number) => Promise<DataPage>;
  title?: string;
  pageSize?: number;
}) {
  const [limit, setLimit] = useState(pageSize);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<DataPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  // Another dataset (a new load function) starts again at its first row.
  const [source, setSource] = useState(() => load);
  if (source !== load) {
    setSource(() => load);
    setOffset(0);
  }

  const fetchPage = useCallback(() => {
    let current = true;
    setLoading(true);
    load(offset, limit)
      .then((p) => current && (setPage(p), setError(null)))
      .catch((e) => current && (setError(e), setPage(null)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [load, offset, limit]);
  useEffect(fetchPage, [fetchPage]);

  const sizes = PageSizes.includes(limit) ? PageSizes : [...PageSizes, limit].sort((a, b) => a - b);
  const total = page?.rowCount ?? 0;
  const shown = page?.rows.length ?? 0;
  return (
    <section className="data-preview" aria-label={title ?? "Data preview"} aria-busy={loading}>
      <div className="data-preview-bar">
        {title && <h3>{title}</h3>}
        {page && <span className="data-row-count">{total.toLocaleString()} {total === 1 ? "row" : "rows"}</span>}
        <span className="data-range" aria-live="polite">
          {page && shown > 0 ? `rows ${(offset + 1).toLocaleString()}-${(offset + shown).toLocaleString()} of ${total.toLocaleString()}` : ""}
        </span>
        <label>
          Page size{" "}
          <select value={limit} onChange={(e) => (setLimit(Number(e.target.value)), setOffset(0))}>
            {sizes.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setOffset(Math.max(0, offset - limit))} disabled={loading || offset === 0}>
          Prev
        </button>
        <button type="button" onClick={() => setOffset(offset + limit)} disabled={loading || !page || offset + shown >= total}>
          Next
        </button>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {page && (
        <>
          <ul className="data-schema" aria-label="Schema">
            {page.columns.map((c) => (
              <li key={c.name}><span className="data-schema-name">{c.name}</span> <span className="data-type">{c.type}</span></li>
            ))}
          </ul>
          {page.rows.length === 0 ? (
            <EmptyState title="no rows" detail={total > 0 ? "This page is past the last row." : "The dataset is empty."} />
          ) : (
            <div className="data-table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col" className="data-index">#</th>
                    {page.columns.map((c) => (
                      <th key={c.name} scope="col" className={isNumericType(c.type) ? "numeric" : undefined}>
                        <span className="data-column-name">{c.name}</span>
                        <span className="data-type">{c.type}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row, i) => (
                    <tr key={offset + i}>
                      <td className="data-index">{offset + i + 1}</td>
                      {page.columns.map((c) => {
                        const cell = cellText(row[c.name]);
                        const classes = [isNumericType(c.type) ? "numeric" : "", cell.isNull ? "null" : ""].filter(Boolean).join(" ");
                        return (
                          <td key={c.name} className={classes || undefined} title={cell.text !== cell.full ? cell.full : undefined}>
                            {cell.text}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
});
