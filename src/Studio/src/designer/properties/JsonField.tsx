import { memo, useEffect, useState } from "react";
import { controlProps, type FieldA11y } from "./Field";
import { deepEqual, looseJson } from "./formModel";

function textOf(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 1);
}

/**
 * A value as JSON text. `loose` (inputs of type Any) takes text that is not JSON as a string; otherwise text that does
 * not parse is not written and is flagged, so a shape the form cannot edit is kept intact until it is valid again.
 */
export const JsonField = memo(function JsonField(props: {
  a11y: FieldA11y;
  value: unknown;
  loose: boolean;
  onChange: (value: unknown) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState(textOf(props.value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!deepEqual(parse(text, props.loose).value, props.value)) {
      setText(textOf(props.value));
      setProblem(null);
    }
    // Only an outside change of the value resets the text.
  }, [props.value]);
  const invalid = props.a11y.invalid || problem !== null;
  const problemId = `${props.a11y.id}-json`;
  return (
    <>
      <textarea className="prop-control prop-json" rows={3} spellCheck={false} {...controlProps(props.a11y)}
        aria-invalid={invalid || undefined} aria-describedby={[problem ? problemId : undefined, props.a11y.describedBy].filter(Boolean).join(" ") || undefined}
        value={text} placeholder={props.placeholder} readOnly={props.a11y.disabled}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value, props.loose);
          setProblem(parsed.ok ? null : "Not valid JSON yet; the last valid value is kept");
          if (parsed.ok) props.onChange(parsed.value);
        }} />
      {problem && <p id={problemId} role="alert" className="prop-errors">{problem}</p>}
    </>
  );
});

function parse(text: string, loose: boolean): { ok: boolean; value: unknown } {
  if (text.trim() === "") return { ok: true, value: undefined };
  if (loose) return { ok: true, value: looseJson(text) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}
