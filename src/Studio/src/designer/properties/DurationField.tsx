import { memo } from "react";
import { TextField } from "./TextField";
import type { FieldA11y } from "./Field";
import { durationHint, durationProblem } from "./behaviours";

/** A duration as text ([d.]hh:mm:ss), checked as the engine parses it; a wrong text is still written, and flagged. */
export const DurationField = memo(function DurationField(props: {
  a11y: FieldA11y;
  value: unknown;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const problem = typeof props.value === "string" ? durationProblem(props.value) : null;
  const problemId = `${props.a11y.id}-duration`;
  const a11y = problem
    ? { ...props.a11y, invalid: true, describedBy: [problemId, props.a11y.describedBy].filter(Boolean).join(" ") }
    : props.a11y;
  return (
    <>
      <TextField a11y={a11y} value={props.value} onChange={props.onChange} placeholder={props.placeholder ?? durationHint} />
      {problem && <p id={problemId} role="alert" className="prop-errors">{problem}</p>}
    </>
  );
});
