import { describe, expect, it } from "vitest";
import { loadCases } from "./load-cases";
import { SURFACES } from "./schema";

// The corpus is data other people add to: a case that does not validate, or a surface left without
// cases, is caught here before the slower replay in `npm run conformance`.
describe("the conformance corpus", async () => {
  const cases = await loadCases();

  it("validates, with unique ids, and holds at least 100 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it("covers every surface", () => {
    const missing = SURFACES.filter((s) => !cases.some((c) => c.surface === s));
    expect(missing).toEqual([]);
  });

  it("names a source with a reference a reader can follow", () => {
    const vague = cases.filter((c) => c.sources.some((s) => !/^(https:\/\/|[\w.-]+\/[\w.-]+(#\d+|:.+)$|seed \d{3})/.test(s.ref)));
    expect(vague.map((c) => c.id)).toEqual([]);
  });
});
