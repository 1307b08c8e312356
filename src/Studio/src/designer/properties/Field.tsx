import { memo, useId, type ReactNode } from "react";

/** What a field's control needs to be labelled, described and marked invalid/required for assistive technology. */
export interface FieldA11y {
  id: string;
  label: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
  disabled: boolean;
}

/** One labelled field: label (with required mark), syntax switch, control, help text and the errors that concern it. */
export const Field = memo(function Field(props: {
  label: string;
  help?: string;
  required?: boolean;
  errors?: string[];
  disabled: boolean;
  inline?: boolean;
  aside?: ReactNode;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const id = useId();
  const errors = props.errors ?? [];
  const helpId = props.help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-errors` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(" ") || undefined;
  const a11y: FieldA11y = {
    id, label: props.label, describedBy, invalid: errors.length > 0, required: !!props.required, disabled: props.disabled,
  };
  // The required mark sits beside the label, not in it, so the control's name stays exactly the displayName.
  const label = (
    <span className="prop-label-wrap">
      <label htmlFor={id} className="prop-label">{props.label}</label>
      {props.required && <span className="prop-required" aria-hidden="true" title="required">*</span>}
    </span>
  );
  return (
    <div className={`prop-field${props.inline ? " prop-field-inline" : ""}${errors.length ? " prop-field-invalid" : ""}`}>
      {props.inline ? (
        <div className="prop-inline-row">
          {props.children(a11y)}
          {label}
          {props.aside}
        </div>
      ) : (
        <>
          <div className="prop-label-row">
            {label}
            {props.aside}
          </div>
          {props.children(a11y)}
        </>
      )}
      {errorId && (
        <ul id={errorId} role="alert" className="prop-errors">
          {errors.map((message, i) => <li key={i}>{message}</li>)}
        </ul>
      )}
      {helpId && <p id={helpId} className="prop-help">{props.help}</p>}
    </div>
  );
});

/** The aria attributes every native control of a field carries. */
export function controlProps(a11y: FieldA11y) {
  return {
    id: a11y.id,
    "aria-describedby": a11y.describedBy,
    "aria-invalid": a11y.invalid ? (true as const) : undefined,
    "aria-required": a11y.required ? (true as const) : undefined,
  };
}
