import { ApiError } from "../api/client";

/** Shows a failed call's problem (title, detail, validation list) where the user was working. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <div role="alert" className="error-banner">
      <strong>{problem?.title ?? "Something went wrong"}</strong>
      {problem?.detail ? <span> {problem.detail}</span> : !problem && <span> {String((error as Error).message ?? error)}</span>}
      {problem?.problems && problem.problems.length > 0 && (
        <ul>
          {problem.problems.map((e, i) => (
            <li key={i}>{[e.activityId, e.field].filter(Boolean).join(".")}{e.activityId || e.field ? ": " : ""}{e.message}</li>
          ))}
        </ul>
      )}
      {onDismiss && (
        <button type="button" className="link" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
