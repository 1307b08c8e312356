/** An API instant shown in the browser's locale, or a dash when there is none. */
export function timeText(instant: string | null | undefined): string {
  if (!instant) return "—";
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : date.toLocaleString();
}

/** A journal duration ("00:00:01.2345678") as "1.23 s" or "85 ms". */
export function durationText(duration: string | null | undefined): string {
  if (!duration) return "";
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(duration);
  if (!match) return duration;
  const [, days, hours, minutes, seconds] = match;
  const total = Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  if (total < 1) return `${Math.round(total * 1000)} ms`;
  if (total < 60) return `${total.toFixed(2)} s`;
  return duration.replace(/\.\d+$/, "");
}
