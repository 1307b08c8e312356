import { memo, useId } from "react";
import type { FieldA11y } from "./Field";
import { JsonField } from "./JsonField";
import { NumberField } from "./NumberField";
import { TextField } from "./TextField";
import { valueEditorOf } from "./workflowModel";

/** The default of a workflow input or the value of a variable, edited as its declared type. */
export const EntryValueField = memo(function EntryValueField(props: {
  prefix: string;
  label: string;
  type: string | undefined;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
}) {
  const id = useId();
  const a11y: FieldA11y = { id, label: `${props.prefix} ${props.label}`, describedBy: undefined, invalid: false, required: false, disabled: props.disabled };
  const { value, onChange } = props;
  const editor = valueEditorOf(props.type);
  let control;
  if (editor === "text" && (value === undefined || typeof value === "string")) control = <TextField a11y={a11y} value={value} onChange={onChange} />;
  else if (editor === "number" && (value === undefined || typeof value === "number"))
    control = <NumberField a11y={a11y} value={value} integer={props.type === "Integer"} onChange={onChange} />;
  else if (editor === "boolean" && (value === undefined || typeof value === "boolean"))
    control = (
      <select id={id} className="prop-control" value={value === undefined ? "" : String(value)} disabled={props.disabled}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value === "true")}>
        <option value="">(none)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  else control = <JsonField a11y={a11y} value={value} loose={editor === "any" || editor === "text"} onChange={onChange} />;
  return (
    <div className="prop-entry-field">
      <EntryLabel htmlFor={id} prefix={props.prefix} label={props.label} />
      {control}
    </div>
  );
});

/** A visible label ("Default") whose accessible name also names the row ("Input 1 default"). */
export function EntryLabel(props: { htmlFor: string; prefix: string; label: string }) {
  return (
    <label htmlFor={props.htmlFor} className="prop-label">
      <span className="visually-hidden">{props.prefix} </span>
      {props.label}
    </label>
  );
}
