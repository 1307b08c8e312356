import { memo } from "react";
import { controlProps, type FieldA11y } from "./Field";

/** A text input (or a textarea when multiline); empty text is written as "" and dropped by the form model. */
export const TextField = memo(function TextField(props: {
  a11y: FieldA11y;
  value: unknown;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  password?: boolean;
}) {
  const value = props.value === undefined || props.value === null ? "" : String(props.value);
  const common = {
    ...controlProps(props.a11y),
    value,
    placeholder: props.placeholder,
    readOnly: props.a11y.disabled,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
  };
  if (props.multiline) return <textarea className="prop-control" rows={2} {...common} />;
  return <input className="prop-control" type={props.password ? "password" : "text"} autoComplete="off" spellCheck={false} {...common} />;
});
