import { memo, useEffect, useState } from "react";
import type { FlowActivity } from "../../api/types";
import { backoffKinds, durationHint, onErrorModes, readBehaviour, readRetry, writeBehaviour, writeRetry, type BehaviourKey, type RetryKey } from "./behaviours";
import { DurationField } from "./DurationField";
import { controlProps, Field } from "./Field";
import { NumberField } from "./NumberField";
import { TextField } from "./TextField";

/** The keys of this section, for placing validation errors on its fields. */
export const behaviourKeys = ["retry", "retry.attempts", "retry.delay", "retry.backoff", "retry.maxDelay", "delay", "timeout", "onError", "worker"];

const onErrorLabels: Record<string, string> = {
  fault: "fault the instance",
  continue: "continue as if done",
  port: "follow the Error port",
};

/** Retry, delay, timeout, error handling and worker group: the behaviours every activity accepts (collapsible). */
export const BehavioursSection = memo(function BehavioursSection(props: {
  activity: FlowActivity;
  onChange: (activity: FlowActivity) => void;
  errorsOf: (key: string) => string[];
  readOnly: boolean;
}) {
  const { activity, errorsOf, readOnly } = props;
  const retry = readRetry(activity);
  const anySet = behaviourKeys.some((k) => !k.includes(".") && activity[k] !== undefined);
  const anyErrors = behaviourKeys.some((k) => errorsOf(k).length > 0);
  // Open when something is set or wrong; after that the user decides (clearing a value must not fold it away).
  const [open, setOpen] = useState(anySet || anyErrors);
  useEffect(() => {
    if (anyErrors) setOpen(true);
  }, [anyErrors]);
  const setRetry = (key: RetryKey, value: string | number | undefined) => props.onChange(writeRetry(activity, key, value));
  const set = (key: BehaviourKey, value: string) => props.onChange(writeBehaviour(activity, key, value));
  const text = (key: BehaviourKey) => readBehaviour(activity, key);
  return (
    <details className="prop-section prop-behaviours" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Behaviours</summary>
      <fieldset className="prop-retry">
        <legend>Retry</legend>
        {errorsOf("retry").length > 0 && (
          <ul role="alert" className="prop-errors">{errorsOf("retry").map((m, i) => <li key={i}>{m}</li>)}</ul>
        )}
        <Field label="Attempts" help="Total tries, the first one included" errors={errorsOf("retry.attempts")} disabled={readOnly}>
          {(a11y) => <NumberField a11y={a11y} integer value={retry.attempts} placeholder="1" onChange={(v) => setRetry("attempts", v)} />}
        </Field>
        <Field label="Retry delay" help={`Wait before a retry, ${durationHint}`} errors={errorsOf("retry.delay")} disabled={readOnly}>
          {(a11y) => <DurationField a11y={a11y} value={retry.delay} placeholder="00:00:00" onChange={(v) => setRetry("delay", v)} />}
        </Field>
        <Field label="Backoff" errors={errorsOf("retry.backoff")} disabled={readOnly}>
          {(a11y) => (
            <select className="prop-control" {...controlProps(a11y)} disabled={readOnly} value={(retry.backoff ?? "fixed").toLowerCase()}
              onChange={(e) => setRetry("backoff", e.target.value)}>
              {backoffKinds.map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          )}
        </Field>
        <Field label="Max retry delay" help="The longest wait when the backoff is exponential" errors={errorsOf("retry.maxDelay")} disabled={readOnly}>
          {(a11y) => <DurationField a11y={a11y} value={retry.maxDelay} onChange={(v) => setRetry("maxDelay", v)} />}
        </Field>
      </fieldset>
      <Field label="Delay" help={`Wait before running, ${durationHint}`} errors={errorsOf("delay")} disabled={readOnly}>
        {(a11y) => <DurationField a11y={a11y} value={text("delay")} onChange={(v) => set("delay", v)} />}
      </Field>
      <Field label="Timeout" help={`Fault when running longer, ${durationHint}`} errors={errorsOf("timeout")} disabled={readOnly}>
        {(a11y) => <DurationField a11y={a11y} value={text("timeout")} onChange={(v) => set("timeout", v)} />}
      </Field>
      <Field label="On error" help="What happens when it still fails after its retries" errors={errorsOf("onError")} disabled={readOnly}>
        {(a11y) => (
          <select className="prop-control" {...controlProps(a11y)} disabled={readOnly} value={text("onError")} onChange={(e) => set("onError", e.target.value)}>
            {!(onErrorModes as readonly string[]).includes(text("onError")) && <option value={text("onError")}>{text("onError")}</option>}
            {onErrorModes.map((m) => <option key={m} value={m}>{m}: {onErrorLabels[m]}</option>)}
          </select>
        )}
      </Field>
      <Field label="Worker group" help="Only workers of this group run it; empty lets any worker run it" errors={errorsOf("worker")} disabled={readOnly}>
        {(a11y) => <TextField a11y={a11y} value={text("worker")} placeholder="any worker" onChange={(v) => set("worker", v)} />}
      </Field>
    </details>
  );
});
