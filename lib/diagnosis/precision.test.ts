import { describe, expect, it } from "vitest";
import { diagnose } from "./engine";
import { CASES, UNRELATED } from "./test-support";

/**
 * Precision on the labelled set, printed for the record (cases.test.ts checks each case; this
 * keeps the overall figures visible and guards them against drifting as rules are added).
 */

describe("precision on the labelled set", () => {
  it("ranks the right rule first, and stays silent on unrelated errors", () => {
    const positives = CASES.filter((c) => c.kind !== "near-miss");
    const rightFirst = positives.filter((c) => diagnose(c.input)[0]?.id === c.rule).length;
    const inTop3 = positives.filter((c) => diagnose(c.input).slice(0, 3).some((m) => m.id === c.rule)).length;
    const nearMisses = CASES.filter((c) => c.kind === "near-miss");
    const nearMissesHeld = nearMisses.filter((c) => diagnose(c.input)[0]?.id !== c.rule).length;
    const falseMatches = UNRELATED.filter((t) => diagnose(t).length > 0).length;
    const rules = new Set(positives.map((c) => c.rule)).size;

    console.log(
      [
        `labelled wordings: ${positives.length} across ${rules} rules (${positives.filter((c) => c.kind === "seed").length} seed, ${positives.filter((c) => c.kind === "real").length} real-world)`,
        `right rule first: ${rightFirst}/${positives.length} = ${((100 * rightFirst) / positives.length).toFixed(1)}%; in top 3: ${inTop3}/${positives.length}`,
        `near misses kept off first place: ${nearMissesHeld}/${nearMisses.length}`,
        `false matches on ${UNRELATED.length} unrelated errors: ${falseMatches}`,
      ].join("\n"),
    );

    expect(rightFirst / positives.length).toBeGreaterThanOrEqual(0.95);
    expect(nearMissesHeld).toBe(nearMisses.length);
    expect(falseMatches).toBe(0);
  });
});

describe("precision on held-out wordings (not used for tuning)", () => {
  it("reports the figures", async () => {
    const { HELD_OUT } = await import("./test-support/held-out");
    const results = HELD_OUT.map((c) => ({ ...c, first: diagnose(c.text)[0]?.id ?? null }));
    const right = results.filter((r) => r.first === r.rule).length;
    const positives = results.filter((r) => r.rule !== null);
    const silentRight = results.filter((r) => r.rule === null && r.first === null).length;
    const wrongAnswers = results.filter((r) => r.first !== null && r.first !== r.rule).length;
    console.log(
      [
        `held-out: ${right}/${results.length} right (${((100 * right) / results.length).toFixed(1)}%)`,
        `  causes found first: ${positives.filter((r) => r.first === r.rule).length}/${positives.length}; stayed silent when it should: ${silentRight}/${results.length - positives.length}`,
        `  confidently wrong (a different rule first): ${wrongAnswers}/${results.length}`,
        ...results.filter((r) => r.first !== r.rule).map((r) => `  miss: expected ${r.rule ?? "nothing"}, got ${r.first ?? "nothing"} — ${r.from}`),
      ].join("\n"),
    );
    // A guard against regressions, not a target: misses here are findings for new rules or signals.
    expect(right / results.length).toBeGreaterThanOrEqual(0.6);
  });
});
