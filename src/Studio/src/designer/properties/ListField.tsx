import { memo } from "react";
import type { InputDescriptor } from "../../api/types";
import type { FieldA11y } from "./Field";
import type { Editor } from "./formModel";
import { InputField } from "./InputField";
import { ItemButtons } from "./ItemButtons";
import { moved, useItemKeys } from "./itemKeys";
import { ScalarEditor } from "./ScalarEditor";

/**
 * A list input: rows that can be added, removed and reordered. Object items get a sub-form of their fields (labelled
 * by the field's displayName); scalar items get the editor of the item type (labelled "<list> <n>").
 */
export const ListField = memo(function ListField(props: {
  a11y: FieldA11y;
  editor: Extract<Editor, { kind: "objectList" | "scalarList" }>;
  value: unknown[];
  onChange: (value: unknown[]) => void;
}) {
  const { a11y, editor, value } = props;
  const rows = useItemKeys(value.length);
  const set = (index: number, item: unknown) => props.onChange(value.map((v, i) => (i === index ? item : v)));
  const remove = (index: number) => {
    rows.remove(index);
    props.onChange(value.filter((_, i) => i !== index));
  };
  const move = (from: number, to: number) => {
    rows.move(from, to);
    props.onChange(moved(value, from, to));
  };
  const add = () => props.onChange([...value, editor.kind === "objectList" ? {} : newScalar(editor.item)]);
  return (
    <div role="group" aria-label={a11y.label} aria-describedby={a11y.describedBy} aria-invalid={a11y.invalid || undefined}
      id={a11y.id} className="prop-list">
      {value.length === 0 && <p className="prop-empty">No items yet.</p>}
      <ol className="prop-items">
        {value.map((item, index) => {
          const name = `${a11y.label} ${index + 1}`;
          return (
            <li key={rows.keys[index]} className={editor.kind === "objectList" ? "prop-item prop-item-object" : "prop-item"}>
              {editor.kind === "objectList" ? (
                <div className="prop-subform">
                  <div className="prop-item-head">
                    <span className="prop-item-title">{name}</span>
                    <ItemButtons name={name} index={index} count={value.length} disabled={a11y.disabled} onMove={move} onRemove={remove} />
                  </div>
                  <SubForm fields={editor.fields} item={item as Record<string, unknown>} readOnly={a11y.disabled} onChange={(next) => set(index, next)} />
                </div>
              ) : (
                <div className="prop-scalar-row">
                  <ScalarEditor editor={editor.item} label={name} value={item} disabled={a11y.disabled} onChange={(next) => set(index, next)} />
                  <ItemButtons name={name} index={index} count={value.length} disabled={a11y.disabled} onMove={move} onRemove={remove} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="prop-add" disabled={a11y.disabled} onClick={add}>
        Add {a11y.label}
      </button>
    </div>
  );
});

/** The fields of one object item (or of an object input), each with its own editor and syntax switch. */
export const SubForm = memo(function SubForm(props: {
  fields: InputDescriptor[];
  item: Record<string, unknown>;
  readOnly: boolean;
  onChange: (item: Record<string, unknown>) => void;
}) {
  return (
    <>
      {props.fields.map((field) => (
        <InputField key={field.name} input={field} holder={props.item} readOnly={props.readOnly} errors={[]} onChange={props.onChange} />
      ))}
    </>
  );
});

function newScalar(item: Editor): unknown {
  switch (item.kind) {
    case "number":
      return 0;
    case "boolean":
      return false;
    case "enum":
      return item.options[0] ?? "";
    default:
      return "";
  }
}
