import { memo } from "react";
import { absoluteTime, relativeTime } from "./timeText";
import "./when.css";

/** A time shown relative ("3 min ago") with the absolute local time beside it (or only in the tooltip when compact). */
export const When = memo(function When({ value, compact = false }: { value: string | null | undefined; compact?: boolean }) {
  if (!value) return <span className="muted">never</span>;
  const absolute = absoluteTime(value);
  return (
    <time dateTime={value} title={absolute} className="when">
      {relativeTime(value)}
      {!compact && <span className="when-absolute"> {absolute}</span>}
    </time>
  );
});
