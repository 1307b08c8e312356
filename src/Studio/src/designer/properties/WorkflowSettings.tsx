import { memo } from "react";
import type { FlowDocument } from "../../api/types";
import type { ValidationError } from "../../api/client";
import { EntryList } from "./EntryList";
import type { Entry } from "./EntryRow";
import { Field } from "./Field";
import { placeErrors } from "./fieldErrors";
import { TextField } from "./TextField";
import { withFlowText, withList } from "./workflowModel";
import "./properties.css";

/** Workflow settings: name, description, inputs and variables, with the flow-level errors on their fields. */
export const WorkflowSettings = memo(function WorkflowSettings(props: {
  flow: FlowDocument;
  onChange: (flow: FlowDocument) => void;
  errors: ValidationError[];
  readOnly: boolean;
}) {
  const { flow, onChange, readOnly } = props;
  const placed = placeErrors(props.errors, ["name", "description", "inputs", "variables"]);
  const errorsOf = (key: string) => placed.get(key) ?? [];
  const general = placed.get("") ?? [];
  return (
    <aside className="workflow-settings property-panel" aria-label="Workflow settings">
      <header className="prop-header">
        <h2>Workflow settings</h2>
        {flow.definitionId && <p className="prop-help">Id: {flow.definitionId}</p>}
        {readOnly && <p className="prop-readonly-note">Read-only</p>}
      </header>
      {general.length > 0 && (
        <ul role="alert" className="prop-errors prop-general-errors" aria-label="Problems">
          {general.map((m, i) => <li key={i}>{m}</li>)}
        </ul>
      )}
      <section className="prop-section" aria-label="General">
        <Field label="Name" errors={errorsOf("name")} disabled={readOnly}>
          {(a11y) => <TextField a11y={a11y} value={flow.name} placeholder={flow.definitionId} onChange={(v) => onChange(withFlowText(flow, "name", v))} />}
        </Field>
        <Field label="Description" errors={errorsOf("description")} disabled={readOnly}>
          {(a11y) => <TextField a11y={a11y} multiline value={flow.description} onChange={(v) => onChange(withFlowText(flow, "description", v))} />}
        </Field>
      </section>
      <EntryList kind="input" items={(flow.inputs ?? []) as Entry[]} errors={errorsOf("inputs")} readOnly={readOnly}
        onChange={(items) => onChange(withList(flow, "inputs", items))} />
      <EntryList kind="variable" items={(flow.variables ?? []) as Entry[]} errors={errorsOf("variables")} readOnly={readOnly}
        onChange={(items) => onChange(withList(flow, "variables", items))} />
    </aside>
  );
});
