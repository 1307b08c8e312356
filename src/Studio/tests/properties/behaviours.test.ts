import { describe, expect, it } from "vitest";
import type { FlowActivity } from "../../src/api/types";
import { durationProblem, readBehaviour, readRetry, writeBehaviour, writeRetry } from "../../src/designer/properties/behaviours";
import { placeErrors } from "../../src/designer/properties/fieldErrors";

const read: FlowActivity = { id: "read", type: "CsvInput", path: "a.csv" };

describe("behaviours", () => {
  it("reads the retry object and the scalar behaviours as the loader writes them", () => {
    const activity = {
      ...read, retry: { attempts: 3, delay: "00:00:02", backoff: "exponential", maxDelay: "00:01:00" },
      delay: "00:00:05", timeout: "00:10:00", onError: "Port", worker: "gpu",
    };
    expect(readRetry(activity)).toEqual({ attempts: 3, delay: "00:00:02", backoff: "exponential", maxDelay: "00:01:00" });
    expect(readBehaviour(activity, "delay")).toBe("00:00:05");
    expect(readBehaviour(activity, "timeout")).toBe("00:10:00");
    expect(readBehaviour(activity, "onError")).toBe("port");
    expect(readBehaviour(activity, "worker")).toBe("gpu");
  });

  it("reads unset behaviours as empty, onError as fault", () => {
    expect(readRetry(read)).toEqual({});
    expect(readBehaviour(read, "delay")).toBe("");
    expect(readBehaviour(read, "onError")).toBe("fault");
  });

  it("builds the retry object key by key and drops it when emptied", () => {
    let activity = writeRetry(read, "attempts", 3);
    expect(activity.retry).toEqual({ attempts: 3 });
    activity = writeRetry(activity, "delay", "00:00:02");
    activity = writeRetry(activity, "backoff", "exponential");
    activity = writeRetry(activity, "maxDelay", "00:01:00");
    expect(activity).toEqual({ ...read, retry: { attempts: 3, delay: "00:00:02", backoff: "exponential", maxDelay: "00:01:00" } });
    activity = writeRetry(activity, "backoff", "fixed"); // the default backoff is left out
    expect(activity.retry).toEqual({ attempts: 3, delay: "00:00:02", maxDelay: "00:01:00" });
    for (const key of ["attempts", "delay", "maxDelay"] as const) activity = writeRetry(activity, key, undefined);
    expect(activity).toEqual(read);
    expect("retry" in activity).toBe(false);
  });

  it("writes delay, timeout, onError and worker, omitting empty values and the default onError", () => {
    let activity = writeBehaviour(read, "delay", "00:00:05");
    activity = writeBehaviour(activity, "timeout", " 00:10:00 ");
    activity = writeBehaviour(activity, "onError", "continue");
    activity = writeBehaviour(activity, "worker", "gpu");
    expect(activity).toEqual({ ...read, delay: "00:00:05", timeout: "00:10:00", onError: "continue", worker: "gpu" });
    activity = writeBehaviour(activity, "onError", "fault");
    activity = writeBehaviour(activity, "delay", "");
    activity = writeBehaviour(activity, "worker", "  ");
    expect(activity).toEqual({ ...read, timeout: "00:10:00" });
  });

  it.each([
    ["00:00:05", null],
    ["2.00:00:00", null],
    ["00:00:01.5", null],
    ["23:59:59.1234567", null],
    ["", null],
    ["48:00:00", "not a duration"],
    ["90", "not a duration"],
    ["1:00:00", "not a duration"],
    ["00:60:00", "not a duration"],
    ["5s", "not a duration"],
  ])("duration %j -> %s", (text, problem) => {
    const found = durationProblem(text);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe("placeErrors", () => {
  it("puts each error on the field it names, the most specific key first, the rest at the top", () => {
    const placed = placeErrors(
      [
        { activityId: "a", field: "path", message: "required" },
        { activityId: "a", field: "by[0].column", message: "nested" },
        { activityId: "a", field: "retry.attempts", message: "at least 1" },
        { activityId: "a", field: "retry", message: "must be an object" },
        { activityId: "a", field: "connections", message: "unknown port" },
        { activityId: "a", field: null, message: "general" },
      ],
      ["path", "by", "retry", "retry.attempts"],
    );
    expect(Object.fromEntries(placed)).toEqual({
      path: ["required"], by: ["nested"], "retry.attempts": ["at least 1"], retry: ["must be an object"], "": ["unknown port", "general"],
    });
  });
});
