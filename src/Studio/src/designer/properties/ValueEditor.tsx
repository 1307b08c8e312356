import { memo } from "react";
import type { InputDescriptor } from "../../api/types";
import { BooleanField } from "./BooleanField";
import { CodeField } from "./CodeField";
import { DurationField } from "./DurationField";
import { EnumField } from "./EnumField";
import type { FieldA11y } from "./Field";
import { isObject, toText, type Editor } from "./formModel";
import { JsonField } from "./JsonField";
import { KeyValueField } from "./KeyValueField";
import { ListField, SubForm } from "./ListField";
import { NumberField } from "./NumberField";
import { TextField } from "./TextField";

/** The control for a literal value, chosen by the form model's editor; an unset value shows the input's default. */
export const ValueEditor = memo(function ValueEditor(props: {
  a11y: FieldA11y;
  input: InputDescriptor;
  editor: Editor;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { a11y, input, editor, value, onChange } = props;
  const fallback = input.default ?? undefined;
  const placeholder = fallback === undefined || isObject(fallback) || Array.isArray(fallback) ? undefined : toText(fallback);
  switch (editor.kind) {
    case "text":
    case "password":
      return <TextField a11y={a11y} value={value} onChange={onChange} placeholder={placeholder} password={editor.kind === "password"} />;
    case "number":
      return <NumberField a11y={a11y} value={value} integer={editor.integer} onChange={onChange} placeholder={placeholder} />;
    case "boolean":
      return <BooleanField a11y={a11y} value={value ?? fallback} onChange={onChange} />;
    case "enum":
      return <EnumField a11y={a11y} value={value} options={editor.options} defaultValue={fallback} onChange={onChange} />;
    case "objectList":
    case "scalarList":
      return <ListField a11y={a11y} editor={editor} value={(value ?? fallback ?? []) as unknown[]} onChange={onChange} />;
    case "object":
      return (
        <div role="group" aria-label={a11y.label} className="prop-subform">
          <SubForm fields={editor.fields} item={(value ?? {}) as Record<string, unknown>} readOnly={a11y.disabled} onChange={onChange} />
        </div>
      );
    case "keyValue":
      return <KeyValueField a11y={a11y} value={value ?? fallback} sensitive={editor.sensitive} onChange={onChange} />;
    case "code":
      return <CodeField a11y={a11y} value={toText(value)} language={editor.language} onChange={onChange} placeholder={placeholder} />;
    case "duration":
      return <DurationField a11y={a11y} value={value} onChange={onChange} placeholder={placeholder} />;
    case "datetime":
      return <TextField a11y={a11y} value={value} onChange={onChange} placeholder={placeholder ?? "2026-01-31T08:00:00Z"} />;
    case "json":
      return <JsonField a11y={a11y} value={value} loose onChange={onChange} placeholder={placeholder} />;
  }
});
