import { memo, useId } from "react";
import { EntryLabel, EntryValueField } from "./EntryValueField";
import { ItemButtons } from "./ItemButtons";
import { keepsValue, valueTypes, withEntry } from "./workflowModel";

type Entry = { name: string; type?: string; description?: string; required?: boolean; sensitive?: boolean } & Record<string, unknown>;

/**
 * One workflow input ({name, type, default, description, required, sensitive}) or variable ({name, type, value}); the
 * controls are named after the row ("Input 2 Name", "Variable 1 Value").
 */
export const EntryRow = memo(function EntryRow(props: {
  kind: "input" | "variable";
  index: number;
  count: number;
  entry: Entry;
  readOnly: boolean;
  onChange: (index: number, entry: Entry) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const { kind, index, entry, readOnly } = props;
  const id = useId();
  const prefix = `${kind === "input" ? "Input" : "Variable"} ${index + 1}`;
  const valueKey = kind === "input" ? "default" : "value";
  const set = (key: string, value: unknown) => props.onChange(index, withEntry(entry, key, value));
  const types = entry.type && !valueTypes.includes(entry.type) ? [entry.type, ...valueTypes] : valueTypes;
  return (
    <li className="prop-entry">
      <div className="prop-item-head">
        <span className="prop-item-title">{entry.name || prefix}</span>
        <ItemButtons name={prefix} index={index} count={props.count} disabled={readOnly} onMove={props.onMove} onRemove={props.onRemove} />
      </div>
      <div className="prop-entry-grid">
        <div className="prop-entry-field">
          <EntryLabel htmlFor={`${id}-name`} prefix={prefix} label="Name" />
          <input id={`${id}-name`} className="prop-control" value={entry.name ?? ""} readOnly={readOnly} spellCheck={false} autoComplete="off"
            onChange={(e) => set("name", e.target.value)} />
        </div>
        <div className="prop-entry-field">
          <EntryLabel htmlFor={`${id}-type`} prefix={prefix} label="Type" />
          <select id={`${id}-type`} className="prop-control" value={entry.type ?? (kind === "input" ? "String" : "Object")} disabled={readOnly}
            onChange={(e) => {
              const type = e.target.value;
              let next = withEntry(entry, "type", type);
              // A value of the old type that the new one cannot hold is dropped rather than saved wrong.
              if (!keepsValue(type, entry[valueKey])) next = withEntry(next, valueKey, undefined);
              props.onChange(index, next);
            }}>
            {types.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
      </div>
      <EntryValueField prefix={prefix} label={kind === "input" ? "Default" : "Value"} type={entry.type} value={entry[valueKey]} disabled={readOnly}
        onChange={(v) => set(valueKey, v)} />
      {kind === "input" && (
        <>
          <div className="prop-entry-field">
            <EntryLabel htmlFor={`${id}-description`} prefix={prefix} label="Description" />
            <input id={`${id}-description`} className="prop-control" value={entry.description ?? ""} readOnly={readOnly}
              onChange={(e) => set("description", e.target.value)} />
          </div>
          <div className="prop-inline-row">
            <input id={`${id}-required`} type="checkbox" className="prop-checkbox" checked={entry.required === true} disabled={readOnly}
              onChange={(e) => set("required", e.target.checked)} />
            <EntryLabel htmlFor={`${id}-required`} prefix={prefix} label="Required" />
          </div>
          <div className="prop-inline-row" title="A secret (token, password): shown as *** wherever the instance is shown, and so is any text that contains it">
            <input id={`${id}-sensitive`} type="checkbox" className="prop-checkbox" checked={entry.sensitive === true} disabled={readOnly}
              onChange={(e) => set("sensitive", e.target.checked)} />
            <EntryLabel htmlFor={`${id}-sensitive`} prefix={prefix} label="Sensitive" />
          </div>
        </>
      )}
    </li>
  );
});

export type { Entry };
