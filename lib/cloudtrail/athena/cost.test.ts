import { describe, expect, it } from "vitest";
import { billedBytes, describeScan, estimatedCostUsd } from "./cost";

describe("Athena scan cost", () => {
  it("bills at least 10 MB, rounded up to whole MB", () => {
    expect(billedBytes(0)).toBe(10 * 2 ** 20);
    expect(billedBytes(10 * 2 ** 20 + 1)).toBe(11 * 2 ** 20);
  });
  it("prices a TB at $5", () => {
    expect(estimatedCostUsd(2 ** 40)).toBeCloseTo(5, 6);
    expect(estimatedCostUsd(1)).toBeCloseTo((10 * 2 ** 20 * 5) / 2 ** 40, 12);
  });
  it("says bytes, billed size and cost in one line", () => {
    expect(describeScan(123_456)).toBe("120.6 KB scanned (123456 bytes; billed as 10.0 MB, ≈ $0.000048 at $5/TB)");
    expect(describeScan(3 * 2 ** 40)).toContain("≈ $15.00");
  });
});
