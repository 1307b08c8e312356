import { memo, useEffect, useState } from "react";
import { controlProps, Field } from "./Field";

const idPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why an id cannot be used (ids are JavaScript names and SQL table names), or null. */
export function idProblem(id: string): string | null {
  if (id === "") return "An id is required";
  return idPattern.test(id) ? null : "Use letters, digits and _, not starting with a digit";
}

/**
 * The activity id. A rename is committed on Enter or when the field loses focus, and only when the id is valid;
 * connections reference the id, so the caller (the designer) must rewrite them when `onRename` reports a new id.
 */
export const ActivityIdField = memo(function ActivityIdField(props: {
  id: string;
  errors: string[];
  readOnly: boolean;
  onRename: (id: string) => void;
}) {
  const [text, setText] = useState(props.id);
  useEffect(() => setText(props.id), [props.id]);
  const problem = idProblem(text);
  const commit = () => {
    if (!problem && text !== props.id) props.onRename(text);
  };
  return (
    <Field label="Id" required help="Used in expressions (outputs.id) and SQL (as a table name)" errors={problem ? [problem, ...props.errors] : props.errors}
      disabled={props.readOnly}>
      {(a11y) => (
        <input className="prop-control" {...controlProps(a11y)} value={text} readOnly={props.readOnly} spellCheck={false} autoComplete="off"
          onChange={(e) => setText(e.target.value)} onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setText(props.id);
          }} />
      )}
    </Field>
  );
});
