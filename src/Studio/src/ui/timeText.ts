// Times in the Studio read two ways: relative ("3 min ago", "in 2 h") to scan, absolute (local, to the second) to be sure.

const Units: [limit: number, seconds: number, unit: string][] = [
  [60, 1, "s"],
  [3570, 60, "min"],
  [84600, 3600, "h"],
  [86400 * 60, 86400, "d"],
];

/** "just now", "42 s ago", "3 min ago", "in 2 h", "5 d ago"; dates further than 60 days read as a date. */
export function relativeTime(when: Date | string, now: Date = new Date()): string {
  const date = typeof when === "string" ? new Date(when) : when;
  const delta = Math.round((date.getTime() - now.getTime()) / 1000);
  const size = Math.abs(delta);
  if (size < 5) return "just now";
  for (const [limit, seconds, unit] of Units) {
    if (size < limit) {
      // Rounded, as people say it: 5 h 58 min from now is "in 6 h".
      const amount = Math.max(1, Math.round(size / seconds));
      return delta < 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
    }
  }
  return date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** "2026-11-23 22:18:06" in local time: sortable, unambiguous, and what a person compares with a clock. */
export function absoluteTime(when: Date | string): string {
  const d = typeof when === "string" ? new Date(when) : when;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
