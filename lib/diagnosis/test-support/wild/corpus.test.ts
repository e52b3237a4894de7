import { describe, expect, it } from "vitest";
import { RULES } from "../../rules";
import { CASES, UNRELATED } from "..";
import { HELD_OUT } from "../held-out";
import { UnrelatedFile, WildFile } from "./schema";
import { UNRELATED_FILES, WILD_FILES, wildCorpus, wildUnrelated } from "./index";
import { splitOf } from "./split";

/** The wild wording corpus stays usable as a measure: well-formed, no repeats, nothing borrowed from the tuned cases. */

const known = new Set(RULES.map((r) => r.id));
const normalise = (t: string) => t.replace(/\s+/g, " ").trim();
const existingTexts = new Set(
  [
    ...CASES.flatMap((c) => (typeof c.input === "string" ? [c.input] : c.input.text !== undefined ? [c.input.text] : [])),
    ...HELD_OUT.map((h) => h.text),
    ...UNRELATED,
  ].map(normalise),
);

describe("wild corpus files", () => {
  it.each(WILD_FILES.map((f) => [f.name, f.data] as const))("%s matches the schema", (_name, data) => {
    const parsed = WildFile.safeParse(data);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it.each(UNRELATED_FILES.map((f) => [f.name, f.data] as const))("%s matches the schema", (_name, data) => {
    const parsed = UnrelatedFile.safeParse(data);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it("names only rule ids that exist", () => {
    const unknown = wildCorpus().flatMap((e) => [e.rule, e.alsoAcceptable].filter((id): id is string => typeof id === "string" && !known.has(id)));
    expect(unknown).toEqual([]);
  });

  it("holds no text twice, across auth and unrelated files", () => {
    const all = [...wildCorpus().map((e) => e.text), ...wildUnrelated().map((e) => e.text)].map(normalise);
    const seen = new Set<string>();
    const repeats = all.filter((t) => (seen.has(t) ? true : (seen.add(t), false)));
    expect(repeats).toEqual([]);
  });

  it("repeats no input of the existing labelled cases", () => {
    const borrowed = [...wildCorpus().map((e) => e.text), ...wildUnrelated().map((e) => e.text)].filter((t) => existingTexts.has(normalise(t)));
    expect(borrowed).toEqual([]);
  });

  it("gives alsoAcceptable only beside a rule, and never the same one", () => {
    const odd = wildCorpus().filter((e) => e.alsoAcceptable !== undefined && (e.rule === null || e.alsoAcceptable === e.rule));
    expect(odd.map((e) => e.source)).toEqual([]);
  });
});

describe("the split", () => {
  it("depends on the text alone", () => {
    expect(splitOf("NotAuthorizedException: Incorrect username or password.")).toBe(splitOf("NotAuthorizedException: Incorrect username or password."));
  });

  it("sends roughly 40 % of many texts to held-out", () => {
    const n = 2000;
    const held = Array.from({ length: n }, (_, i) => splitOf(`sample error ${i}`)).filter((s) => s === "held-out").length;
    expect(held / n).toBeGreaterThan(0.35);
    expect(held / n).toBeLessThan(0.45);
  });
});
