import { memo, useId, type ReactNode } from "react";
import { BooleanField } from "./BooleanField";
import { EnumField } from "./EnumField";
import type { FieldA11y } from "./Field";
import type { Editor } from "./formModel";
import { JsonField } from "./JsonField";
import { NumberField } from "./NumberField";
import { TextField } from "./TextField";

/**
 * The editor of one list item or map value: a compact control named by `label` ("Keys 2"), without field chrome.
 * A value the item editor cannot show is edited as JSON, so it is kept intact.
 */
export const ScalarEditor = memo(function ScalarEditor(props: {
  editor: Editor;
  label: string;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
}) {
  const id = useId();
  const a11y: FieldA11y = { id, label: props.label, describedBy: undefined, invalid: false, required: false, disabled: props.disabled };
  const { editor, value, onChange } = props;
  return <Labelled label={props.label}>{control()}</Labelled>;

  function control(): ReactNode {
    switch (editor.kind) {
      case "number":
        if (typeof value === "number" || value === undefined) return <NumberField a11y={a11y} value={value} integer={editor.integer} onChange={onChange} />;
        break;
      case "boolean":
        if (typeof value === "boolean" || value === undefined) return <BooleanField a11y={a11y} value={value} onChange={onChange} />;
        break;
      case "enum":
        if (typeof value === "string" || value === undefined)
          return <EnumField a11y={a11y} value={value} options={editor.options} defaultValue={null} onChange={onChange} />;
        break;
      case "text":
      case "password":
      case "duration":
      case "datetime":
      case "code":
        if (typeof value !== "object" || value === null) return <TextField a11y={a11y} value={value} password={editor.kind === "password"} onChange={onChange} />;
        break;
    }
    return <JsonField a11y={a11y} value={value} loose={editor.kind === "json"} onChange={onChange} />;
  }
});

/** A visually hidden label wrapped around a control that sits in a row with its neighbours. */
function Labelled(props: { label: string; children: ReactNode }) {
  return (
    <label className="prop-scalar">
      <span className="visually-hidden">{props.label}</span>
      {props.children}
    </label>
  );
}
