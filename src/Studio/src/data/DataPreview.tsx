/** A page of a dataset as the preview routes answer it: columns with DuckDB types, total rows, rows as objects. */
export interface DataPage {
  columns: { name: string; type: string }[];
  rowCount: number;
  offset: number;
  rows: Record<string, unknown>[];
}

/** Placeholder: the paged data table (schema, row count, rows) is built with the instance pages. */
export function DataPreview(props: { load: (offset: number, limit: number) => Promise<DataPage>; title?: string; pageSize?: number }) {
  return <section className="data-preview">{props.title}</section>;
}
