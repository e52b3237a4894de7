import { describe, expect, it } from "vitest";
import { diagnose } from "./engine";
import { RULES } from "./rules";
import { CASES, UNRELATED, type Case } from "./test-support";

/** Every labelled wording: seed and real ones rank their rule first; near misses do not. */

const label = (c: Case) => `${c.rule} · ${c.kind} · ${c.from}`;
const ranking = (c: Case) => diagnose(c.input).map((m) => `${m.id}(${m.score})`).join(", ") || "(nothing)";

describe("labelled wordings", () => {
  it.each(CASES.filter((c) => c.kind !== "near-miss").map((c) => [label(c), c] as const))("%s", (_label, c) => {
    expect(diagnose(c.input)[0]?.id, ranking(c)).toBe(c.rule);
  });

  it.each(CASES.flatMap((c) => (c.kind === "near-miss" ? [[label(c), c] as const] : [])))("%s", (_label, c) => {
    if (c.kind !== "near-miss") return;
    const first = diagnose(c.input)[0]?.id ?? null;
    expect(first, ranking(c)).not.toBe(c.rule);
    expect(first, ranking(c)).toBe(c.first);
  });

  it("has a seed or real wording and a near miss for every rule", () => {
    for (const rule of RULES) {
      const mine = CASES.filter((c) => c.rule === rule.id);
      expect(mine.filter((c) => c.kind !== "near-miss").length, rule.id).toBeGreaterThanOrEqual(2);
      expect(mine.some((c) => c.kind === "near-miss"), rule.id).toBe(true);
    }
  });
});

describe("unrelated errors", () => {
  it.each(UNRELATED.map((t) => [t.slice(0, 70), t] as const))("%s", (_label, text) => {
    expect(diagnose(text).map((m) => m.id)).toEqual([]);
  });
});
