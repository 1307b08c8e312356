import type { ActivityDescriptor, FlowActivity } from "../../api/types";
import type { ValidationError } from "../../api/client";

/** Placeholder: the property panel generated from the activity descriptor. */
export function PropertyPanel(props: {
  descriptor: ActivityDescriptor | undefined;
  activity: FlowActivity;
  onChange: (activity: FlowActivity) => void;
  errors: ValidationError[];
  readOnly: boolean;
}) {
  return <aside className="property-panel">{props.activity.id}</aside>;
}
