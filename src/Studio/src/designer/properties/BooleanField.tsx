import { memo } from "react";
import { controlProps, type FieldA11y } from "./Field";

/** A checkbox; an unset value shows the input's default. */
export const BooleanField = memo(function BooleanField(props: { a11y: FieldA11y; value: unknown; onChange: (value: boolean) => void }) {
  return (
    <input type="checkbox" className="prop-checkbox" {...controlProps(props.a11y)} checked={props.value === true}
      disabled={props.a11y.disabled} onChange={(e) => props.onChange(e.target.checked)} />
  );
});
