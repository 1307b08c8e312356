import { useState, type FormEvent } from "react";
import { ErrorBanner } from "../ui/ErrorBanner";
import { Dialog } from "./Dialog";
import { initialText, parseInput, type FlowInput } from "./runInputs";

/** What the Run dialog knows about the versions: runs use the published version, so an unpublished draft must be published first. */
export interface RunChoice {
  /** The draft (or unsaved edits) differs from what runs. */
  draftPending: boolean;
  publishedVersion: number | null;
  /** Why the draft cannot be published now (problems), if so. */
  publishBlocked: string | null;
}

/** Asks for the flow's inputs (name, type, default) and starts a run; offers to publish the draft first when it is pending. */
export function RunDialog({ inputs, choice, onRun, onClose }: {
  inputs: FlowInput[];
  choice: RunChoice;
  onRun: (values: Record<string, unknown>, publishFirst: boolean) => Promise<void>;
  onClose: () => void;
}) {
  const [values, setValues] = useState<Record<string, string | boolean>>(() => Object.fromEntries(inputs.map((i) => [i.name, initialText(i)])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canPublish = choice.draftPending && !choice.publishBlocked;
  const canRunPublished = choice.publishedVersion !== null;

  const run = async (publishFirst: boolean) => {
    const parsed: Record<string, unknown> = {};
    try {
      for (const input of inputs) parsed[input.name] = parseInput(input, values[input.name]);
    } catch (e) {
      setError(e);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRun(parsed, publishFirst);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(choice.draftPending && canPublish);
  };

  return (
    <Dialog title="Run the flow" onClose={onClose}>
      <form className="run-dialog" onSubmit={submit}>
        {inputs.length === 0 && <p className="designer-muted">This flow takes no inputs.</p>}
        {inputs.map((input) => (
          <label key={input.name} className={input.type === "Boolean" ? "check" : undefined}>
            <span>
              {input.name} <span className="designer-muted">{input.type ?? "String"}</span>
            </span>
            {input.type === "Boolean" ? (
              <input type="checkbox" aria-label={input.name} checked={values[input.name] === true}
                onChange={(e) => setValues({ ...values, [input.name]: e.target.checked })} />
            ) : (
              <input aria-label={input.name} type={input.type === "Number" || input.type === "Integer" ? "number" : "text"} step={input.type === "Integer" ? 1 : "any"} value={String(values[input.name] ?? "")}
                onChange={(e) => setValues({ ...values, [input.name]: e.target.value })} />
            )}
            {input.description && <small className="designer-muted">{input.description}</small>}
          </label>
        ))}
        {choice.draftPending && (
          <p className="designer-note" role="note">
            Runs use the published version.{" "}
            {choice.publishBlocked
              ? `The draft cannot be published: ${choice.publishBlocked}.`
              : canRunPublished
                ? `The draft differs from the published version ${choice.publishedVersion}: publish it first to run what you see.`
                : "This flow has never been published: it is saved and published before it runs."}
          </p>
        )}
        <ErrorBanner error={error} />
        <footer>
          {choice.draftPending && canPublish && (
            <button type="submit" className="primary" disabled={busy}>
              Publish and run
            </button>
          )}
          {(!choice.draftPending || canRunPublished) && (
            <button type={choice.draftPending ? "button" : "submit"} className={choice.draftPending ? undefined : "primary"} disabled={busy || !canRunPublished && choice.draftPending}
              onClick={choice.draftPending ? () => void run(false) : undefined}>
              {choice.draftPending ? `Run published version ${choice.publishedVersion}` : "Run"}
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
