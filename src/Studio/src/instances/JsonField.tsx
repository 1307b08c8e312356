import { memo, useId } from "react";
import { parseJson } from "./jsonText";

/** A textarea for a JSON value that says at once when the text is not JSON. */
export const JsonField = memo(function JsonField({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) {
  const id = useId();
  const parsed = parseJson(value);
  return (
    <div className="json-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} rows={5} spellCheck={false} onChange={(e) => onChange(e.target.value)}
        aria-invalid={!parsed.ok} aria-describedby={`${id}-problem`} />
      <span id={`${id}-problem`} className={parsed.ok ? "muted" : "error"} role={parsed.ok ? undefined : "status"}>
        {parsed.ok ? "JSON (leave empty for no payload)" : `Not valid JSON: ${parsed.error}`}
      </span>
    </div>
  );
});
