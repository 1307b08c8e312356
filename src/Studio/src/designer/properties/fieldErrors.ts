import type { ValidationError } from "../../api/client";

/**
 * Places each validation error on the field it concerns: the key it names exactly, else the longest key it starts
 * with ("by[0].column" goes to "by", "retry.attempts" to "retry.attempts" before "retry"). Errors that name no known
 * key are returned under "" and shown at the top of the panel.
 */
export function placeErrors(errors: ValidationError[], keys: string[]): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  const lower = keys.map((k) => k.toLowerCase());
  for (const error of errors) {
    const field = (error.field ?? "").toLowerCase();
    let best = -1;
    lower.forEach((key, i) => {
      const matches = field === key || field.startsWith(key + ".") || field.startsWith(key + "[");
      if (matches && (best < 0 || key.length > lower[best].length)) best = i;
    });
    const at = best < 0 ? "" : keys[best];
    placed.set(at, [...(placed.get(at) ?? []), error.message]);
  }
  return placed;
}
