import { describe, expect, it } from "vitest";
import { diagnosisLink, diagnosisUrl } from "./links";
import { ruleIdFromHash } from "./rule-ids";
import { RULES } from "./rules";

describe("links to rules", () => {
  it("gives every rule a stable /diagnose#<id> anchor that resolves back to it", () => {
    for (const { id } of RULES) {
      const link = diagnosisLink(id);
      expect(link).toBe(`/diagnose#${id}`);
      expect(ruleIdFromHash(new URL(link, "https://x.example").hash)).toBe(id);
    }
  });

  it("builds absolute links and rejects unknown anchors", () => {
    expect(diagnosisUrl("https://debugger.example.com/", "token-expired")).toBe("https://debugger.example.com/diagnose#token-expired");
    expect(ruleIdFromHash("#no-such-rule")).toBeUndefined();
    expect(ruleIdFromHash("%E0%A4%A")).toBeUndefined();
  });
});
