import { memo } from "react";
import { EntryRow, type Entry } from "./EntryRow";
import { moved, useItemKeys } from "./itemKeys";

/** The workflow's inputs or variables: rows to add, edit, reorder and remove, with the errors that concern them. */
export const EntryList = memo(function EntryList(props: {
  kind: "input" | "variable";
  items: Entry[];
  errors: string[];
  readOnly: boolean;
  onChange: (items: Entry[]) => void;
}) {
  const { kind, items, readOnly } = props;
  const keys = useItemKeys(items.length);
  const title = kind === "input" ? "Inputs" : "Variables";
  const errorId = `${kind}-list-errors`;
  const change = (index: number, entry: Entry) => props.onChange(items.map((e, i) => (i === index ? entry : e)));
  const move = (from: number, to: number) => {
    keys.move(from, to);
    props.onChange(moved(items, from, to));
  };
  const remove = (index: number) => {
    keys.remove(index);
    props.onChange(items.filter((_, i) => i !== index));
  };
  const add = () => props.onChange([...items, { name: nextName(kind, items), type: kind === "input" ? "String" : "Object" }]);
  return (
    <section className="prop-section" aria-label={title} aria-describedby={props.errors.length ? errorId : undefined}>
      <h3>{title}</h3>
      {props.errors.length > 0 && (
        <ul id={errorId} role="alert" className="prop-errors">{props.errors.map((m, i) => <li key={i}>{m}</li>)}</ul>
      )}
      {items.length === 0 && (
        <p className="prop-empty">
          {kind === "input" ? "No inputs: add one to pass values when the flow starts (inputs.name)." : "No variables: add one to keep values while the flow runs (variables.name)."}
        </p>
      )}
      <ol className="prop-items">
        {items.map((entry, index) => (
          <EntryRow key={keys.keys[index]} kind={kind} index={index} count={items.length} entry={entry} readOnly={readOnly}
            onChange={change} onMove={move} onRemove={remove} />
        ))}
      </ol>
      <button type="button" className="prop-add" disabled={readOnly} onClick={add}>
        Add {kind}
      </button>
    </section>
  );
});

function nextName(kind: string, items: Entry[]): string {
  const names = new Set(items.map((e) => e.name));
  for (let n = items.length + 1; ; n++) if (!names.has(`${kind}${n}`)) return `${kind}${n}`;
}
