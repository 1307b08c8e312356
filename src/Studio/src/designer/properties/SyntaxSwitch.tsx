import { memo } from "react";

const short: Record<string, string> = { Literal: "Literal", JavaScript: "JS", Liquid: "Liquid", Sql: "SQL", Variable: "Var" };
const long: Record<string, string> = {
  Literal: "A plain value",
  JavaScript: "A JavaScript expression",
  Liquid: "A Liquid template",
  Sql: "SQL",
  Variable: "The value of a workflow variable",
};

/**
 * The per-input "Literal | JS | Liquid | SQL" toggle; the pressed button is the value's syntax. Each button is named
 * "<input> as JS" by its content, not by aria-label, so looking a field up by its label finds only its control.
 */
export const SyntaxSwitch = memo(function SyntaxSwitch(props: {
  label: string;
  choices: string[];
  current: string;
  disabled: boolean;
  onSwitch: (syntax: string) => void;
}) {
  if (props.choices.length < 2) return null;
  return (
    <span className="prop-syntax">
      {props.choices.map((syntax) => (
        <button key={syntax} type="button" aria-pressed={syntax === props.current} title={long[syntax] ?? syntax}
          disabled={props.disabled} onClick={() => syntax !== props.current && props.onSwitch(syntax)}>
          <span className="visually-hidden">{props.label} as </span>
          {short[syntax] ?? syntax}
        </button>
      ))}
    </span>
  );
});
