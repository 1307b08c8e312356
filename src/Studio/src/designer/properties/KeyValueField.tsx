import { memo, useEffect, useState } from "react";
import type { FieldA11y } from "./Field";
import { deepEqual, isObject, looseJson } from "./formModel";
import { ItemButtons } from "./ItemButtons";
import { useItemKeys } from "./itemKeys";

type Row = [key: string, value: unknown];

function rowsOf(value: unknown): Row[] {
  return isObject(value) ? Object.entries(value) : [];
}

/** The map the rows stand for: rows without a key are still being typed and are left out. */
function mapOf(rows: Row[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const [key, value] of rows) if (key !== "") map[key] = value;
  return map;
}

/**
 * A map input (headers, column types, renames) as key/value rows. Values are text; a value that was not text in the
 * flow (a number, an object) is shown and read back as JSON so its type survives. Sensitive maps hide their values.
 */
export const KeyValueField = memo(function KeyValueField(props: {
  a11y: FieldA11y;
  value: unknown;
  sensitive: boolean;
  onChange: (value: Record<string, unknown>) => void;
}) {
  const { a11y } = props;
  const [rows, setRows] = useState<Row[]>(() => rowsOf(props.value));
  const keys = useItemKeys(rows.length);
  useEffect(() => {
    if (!deepEqual(mapOf(rows), isObject(props.value) ? props.value : {})) setRows(rowsOf(props.value));
    // Only an outside change of the value resets the rows.
  }, [props.value]);
  const update = (next: Row[]) => {
    setRows(next);
    props.onChange(mapOf(next));
  };
  const setRow = (index: number, row: Row) => update(rows.map((r, i) => (i === index ? row : r)));
  return (
    <div role="group" aria-label={a11y.label} aria-describedby={a11y.describedBy} aria-invalid={a11y.invalid || undefined}
      id={a11y.id} className="prop-map">
      {rows.length === 0 && <p className="prop-empty">No entries yet.</p>}
      {rows.map(([key, value], index) => {
        const text = typeof value === "string" ? value : JSON.stringify(value);
        return (
          <div key={keys.keys[index]} className="prop-map-row">
            <input className="prop-control" aria-label={`${a11y.label} key ${index + 1}`} value={key} placeholder="key" readOnly={a11y.disabled}
              spellCheck={false} onChange={(e) => setRow(index, [e.target.value, value])} />
            <input className="prop-control" aria-label={`${a11y.label} value ${index + 1}`} value={text} placeholder="value"
              type={props.sensitive ? "password" : "text"} autoComplete="off" readOnly={a11y.disabled} spellCheck={false}
              onChange={(e) => setRow(index, [key, typeof value === "string" ? e.target.value : looseJson(e.target.value) ?? ""])} />
            <ItemButtons name={`${a11y.label} ${index + 1}`} index={index} count={rows.length} disabled={a11y.disabled}
              onRemove={(i) => {
                keys.remove(i);
                update(rows.filter((_, j) => j !== i));
              }} />
          </div>
        );
      })}
      <button type="button" className="prop-add" disabled={a11y.disabled} onClick={() => update([...rows, ["", ""]])}>
        Add {a11y.label}
      </button>
    </div>
  );
});
