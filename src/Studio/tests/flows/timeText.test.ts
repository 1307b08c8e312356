import { describe, expect, it } from "vitest";
import { absoluteTime, relativeTime } from "../../src/ui/timeText";

const now = new Date(2026, 10, 23, 22, 0, 0);
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("relativeTime", () => {
  it("reads past and future times in the largest whole unit", () => {
    expect(relativeTime(at(-2), now)).toBe("just now");
    expect(relativeTime(at(-42), now)).toBe("42 s ago");
    expect(relativeTime(at(-3 * 60 - 10), now)).toBe("3 min ago");
    expect(relativeTime(at(2 * 3600 + 5), now)).toBe("in 2 h");
    expect(relativeTime(at(-5 * 86400), now)).toBe("5 d ago");
  });

  it("rounds to the nearest unit, never to 60 min or 24 h", () => {
    expect(relativeTime(at(6 * 3600 - 170), now)).toBe("in 6 h");
    expect(relativeTime(at(-(3600 - 10)), now)).toBe("1 h ago");
    expect(relativeTime(at(-(3600 - 60)), now)).toBe("59 min ago");
    expect(relativeTime(at(86400 - 100), now)).toBe("in 1 d");
  });

  it("accepts the ISO strings the API answers", () => {
    expect(relativeTime(at(80).toISOString(), now)).toBe("in 1 min");
  });
});

describe("absoluteTime", () => {
  it("writes local time to the second, zero padded", () => {
    expect(absoluteTime(new Date(2026, 0, 5, 7, 8, 9))).toBe("2026-01-05 07:08:09");
  });
});
