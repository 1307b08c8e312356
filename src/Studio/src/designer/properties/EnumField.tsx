import { memo } from "react";
import { controlProps, type FieldA11y } from "./Field";

/**
 * A select over the descriptor's options. Options are matched without case, since defaults come camelCased
 * ("waitAll" for the option WaitAll); a choice is written as the option is spelled.
 */
export const EnumField = memo(function EnumField(props: {
  a11y: FieldA11y;
  value: unknown;
  options: string[];
  defaultValue: unknown;
  onChange: (value: string | undefined) => void;
}) {
  const match = (v: unknown) => (typeof v === "string" ? props.options.find((o) => o.toLowerCase() === v.toLowerCase()) : undefined);
  const selected = match(props.value) ?? match(props.defaultValue) ?? "";
  const hasDefault = match(props.defaultValue) !== undefined;
  return (
    <select className="prop-control" {...controlProps(props.a11y)} value={selected} disabled={props.a11y.disabled}
      onChange={(e) => props.onChange(e.target.value === "" ? undefined : e.target.value)}>
      {!hasDefault && <option value="">(none)</option>}
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o}
          {hasDefault && o === match(props.defaultValue) ? " (default)" : ""}
        </option>
      ))}
    </select>
  );
});
