import { memo, useCallback } from "react";
import type { ActivityDescriptor, FlowActivity } from "../../api/types";
import type { ValidationError } from "../../api/client";
import { ActivityIdField } from "./ActivityIdField";
import { BehavioursSection, behaviourKeys } from "./BehavioursSection";
import { Field } from "./Field";
import { placeErrors } from "./fieldErrors";
import { orderedInputs } from "./formModel";
import { InputField } from "./InputField";
import { JsonField } from "./JsonField";
import { TextField } from "./TextField";
import "./properties.css";

/** Keys of an activity object that are not inputs: structure, behaviours and designer metadata. */
const structuralKeys = new Set(["id", "type", "metadata", "activities", "connections", "start", ...behaviourKeys]);

/** The property panel generated from the activity descriptor: id and labels, inputs, behaviours, and their errors. */
export const PropertyPanel = memo(function PropertyPanel(props: {
  descriptor: ActivityDescriptor | undefined;
  activity: FlowActivity;
  onChange: (activity: FlowActivity) => void;
  errors: ValidationError[];
  readOnly: boolean;
}) {
  const { descriptor, activity, onChange, readOnly } = props;
  const inputs = descriptor ? orderedInputs(descriptor.inputs) : [];
  const declares = (key: string) => inputs.some((i) => i.name.toLowerCase() === key);
  // name/description are the activity's label unless it declares them as inputs (Event's name), as the loader reads them.
  const labels = ["name", "description"].filter((k) => !declares(k));
  const unknownKeys = descriptor ? [] : Object.keys(activity).filter((k) => !structuralKeys.has(k) && !labels.includes(k));
  const placed = placeErrors(props.errors, ["id", ...labels, ...inputs.map((i) => i.name), ...unknownKeys, ...behaviourKeys]);
  const errorsOf = useCallback((key: string) => placed.get(key) ?? [], [placed]);
  const general = placed.get("") ?? [];
  const change = (next: Record<string, unknown>) => onChange(next as FlowActivity);

  return (
    <aside className="property-panel" aria-label={`Properties of ${activity.id}`}>
      <header className="prop-header">
        <h2>{descriptor?.displayName ?? activity.type}</h2>
        {descriptor?.description && <p className="prop-help">{descriptor.description}</p>}
        {readOnly && <p className="prop-readonly-note">Read-only</p>}
      </header>
      {general.length > 0 && (
        <ul role="alert" className="prop-errors prop-general-errors" aria-label="Problems">
          {general.map((m, i) => <li key={i}>{m}</li>)}
        </ul>
      )}
      <div key={activity.id}>
        <section className="prop-section" aria-label="Activity">
          {/* Renaming: the designer gets the activity with its new id and must update the connections that use the old one. */}
          <ActivityIdField id={activity.id} errors={errorsOf("id")} readOnly={readOnly} onRename={(id) => onChange({ ...activity, id })} />
          {labels.map((key) => (
            <Field key={key} label={key === "name" ? "Name" : "Description"} errors={errorsOf(key)} disabled={readOnly}
              help={key === "name" ? "Shown on the canvas instead of the id" : undefined}>
              {(a11y) => (
                <TextField a11y={a11y} value={activity[key]} multiline={key === "description"}
                  onChange={(v) => onChange(withText(activity, key, v))} />
              )}
            </Field>
          ))}
        </section>
        <section className="prop-section" aria-label="Inputs">
          <h3>Inputs</h3>
          {!descriptor && (
            <p className="prop-help" role="note">
              The activity type '{activity.type}' is not known to this server: its values are shown as JSON and kept as they are.
            </p>
          )}
          {descriptor && inputs.length === 0 && <p className="prop-empty">{descriptor.displayName} has no inputs.</p>}
          {inputs.map((input) => (
            <InputField key={input.name} input={input} holder={activity} readOnly={readOnly} errors={errorsOf(input.name)} onChange={change} />
          ))}
          {unknownKeys.map((key) => (
            <Field key={key} label={key} errors={errorsOf(key)} disabled={readOnly}>
              {(a11y) => <JsonField a11y={a11y} value={activity[key]} loose onChange={(v) => onChange(withValue(activity, key, v))} />}
            </Field>
          ))}
        </section>
        <BehavioursSection activity={activity} onChange={onChange} errorsOf={errorsOf} readOnly={readOnly} />
      </div>
    </aside>
  );
});

function withText(activity: FlowActivity, key: string, text: string): FlowActivity {
  const next = { ...activity };
  if (text.trim() === "") delete next[key];
  else next[key] = text;
  return next;
}

function withValue(activity: FlowActivity, key: string, value: unknown): FlowActivity {
  const next = { ...activity };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

