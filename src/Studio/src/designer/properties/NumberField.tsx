import { memo, useEffect, useState } from "react";
import { controlProps, type FieldA11y } from "./Field";

/** A number input that keeps the typed text while it is not a number yet ("-", "1."), writing numbers only. */
export const NumberField = memo(function NumberField(props: {
  a11y: FieldA11y;
  value: unknown;
  integer: boolean;
  onChange: (value: number | undefined) => void;
  placeholder?: string;
}) {
  const shown = props.value === undefined || props.value === null ? "" : String(props.value);
  const [text, setText] = useState(shown);
  // Follow the value when it changes from outside (undo, another field), not while the text still means the same.
  useEffect(() => {
    if (parse(text) !== parse(shown)) setText(shown);
  }, [shown]);
  return (
    <input className="prop-control" type="number" step={props.integer ? 1 : "any"} {...controlProps(props.a11y)}
      value={text} placeholder={props.placeholder} readOnly={props.a11y.disabled}
      onChange={(e) => {
        setText(e.target.value);
        const n = parse(e.target.value);
        if (n !== null || e.target.value.trim() === "") props.onChange(n ?? undefined);
      }} />
  );
});

function parse(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
