import { describe, expect, it } from "vitest";
import { formatDuration, formatUtc } from "./time";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [59, "59 s"],
    [61, "1 min 1 s"],
    [3599, "59 min 59 s"],
    [3600, "1 h 0 min"],
    [5 * 3600 + 125, "5 h 2 min"],
    [-5, "0 s"],
  ])("%d s reads as %s", (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe("formatUtc", () => {
  it("prints a JWT time as ISO UTC without milliseconds", () => {
    expect(formatUtc(1_740_406_512)).toBe("2025-02-24T14:15:12Z");
  });
});
