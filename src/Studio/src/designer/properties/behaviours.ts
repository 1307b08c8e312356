import type { FlowActivity } from "../../api/types";
import { isObject } from "./formModel";

/**
 * The behaviours any activity carries, as the loader reads them (Engine/Loading/ActivityMapper.cs):
 * `retry: {attempts, delay, backoff: fixed|exponential, maxDelay}`, `delay`, `timeout` (durations), `onError`
 * (fault|continue|port, fault by default) and `worker` (a worker group name).
 */
export interface Retry {
  attempts?: number;
  delay?: string;
  backoff?: string;
  maxDelay?: string;
}

export type RetryKey = keyof Retry;
export type BehaviourKey = "delay" | "timeout" | "onError" | "worker";

export const onErrorModes = ["fault", "continue", "port"] as const;
export const backoffKinds = ["fixed", "exponential"] as const;

/** The retry settings of an activity, empty when it has none (or holds something the form cannot read). */
export function readRetry(activity: FlowActivity): Retry {
  return isObject(activity.retry) ? (activity.retry as Retry) : {};
}

/**
 * Sets one retry setting; empty values and the default backoff are left out, and the whole `retry` key goes when
 * nothing is left in it.
 */
export function writeRetry(activity: FlowActivity, key: RetryKey, value: string | number | undefined): FlowActivity {
  const retry: Record<string, unknown> = { ...readRetry(activity) };
  if (value === undefined || value === "" || (key === "backoff" && String(value).toLowerCase() === "fixed")) delete retry[key];
  else retry[key] = value;
  const result: FlowActivity = { ...activity };
  if (Object.keys(retry).length === 0) delete result.retry;
  else result.retry = retry;
  return result;
}

/** A behaviour as text for its field ("" when unset); onError reads as fault when unset. */
export function readBehaviour(activity: FlowActivity, key: BehaviourKey): string {
  const value = activity[key];
  if (key === "onError") return typeof value === "string" ? value.toLowerCase() : "fault";
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

/** Sets one behaviour; empty text and onError "fault" (the default) remove the key. */
export function writeBehaviour(activity: FlowActivity, key: BehaviourKey, value: string): FlowActivity {
  const result: FlowActivity = { ...activity };
  if (value.trim() === "" || (key === "onError" && value.toLowerCase() === "fault")) delete result[key];
  else result[key] = key === "worker" ? value : value.trim();
  return result;
}

const durationPattern = /^(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/** The format hint shown next to every duration field. */
export const durationHint = "[d.]hh:mm:ss, e.g. 00:00:05 or 2.00:00:00";

/**
 * Why a duration text would be refused by the engine (Engine/Model/Duration.cs parses `[d.]hh:mm:ss[.fffffff]`
 * exactly, so "48:00:00" and "90" are errors), or null when it is valid or empty.
 */
export function durationProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const match = durationPattern.exec(trimmed);
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4]) > 59)
    return `'${trimmed}' is not a duration: write ${durationHint}`;
  return null;
}
