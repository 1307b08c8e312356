/** How one value of a data row shows in a table cell: its text, the full text for a tooltip, and whether it is null. */
export interface CellText {
  text: string;
  full: string;
  isNull: boolean;
}

export const MaxCellLength = 80;

export function cellText(value: unknown, max = MaxCellLength): CellText {
  if (value === null || value === undefined) return { text: "null", full: "null", isNull: true };
  const full = typeof value === "object" ? JSON.stringify(value) : String(value);
  const text = full.length > max ? `${full.slice(0, max - 1)}…` : full;
  return { text, full, isNull: false };
}

/** Whether a DuckDB type is numeric, so its column aligns right. */
export function isNumericType(type: string) {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL)/i.test(type);
}
