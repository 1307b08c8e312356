import type { FlowDocument } from "../../api/types";
import type { ValidationError } from "../../api/client";

/** Placeholder: workflow settings (name, description, inputs, variables). */
export function WorkflowSettings(props: { flow: FlowDocument; onChange: (flow: FlowDocument) => void; errors: ValidationError[]; readOnly: boolean }) {
  return <aside className="workflow-settings">{props.flow.name}</aside>;
}
