import { describe, expect, it } from "vitest";
import { RULES } from "./rules";
import { requiredLiterals, ruleSetSchema } from "./schema";

describe("the rule set", () => {
  it("passes the schema: unique ids, a source and a fix each, regexes compile, anchors required", () => {
    const result = ruleSetSchema.safeParse(RULES);
    const problems = result.success ? [] : result.error.issues.map((i) => `${RULES[Number(i.path[0])]?.id ?? ""} ${i.path.join(".")}: ${i.message}`);
    expect(problems).toEqual([]);
  });

  it("rejects duplicate ids, a missing source, a broken regex and a wrong anchor", () => {
    const [rule] = RULES;
    if (!rule) throw new Error("no rules");
    expect(ruleSetSchema.safeParse([rule, rule]).success).toBe(false);
    expect(ruleSetSchema.safeParse([{ ...rule, source: [] }]).success).toBe(false);
    const broken = { kind: "message", anchor: "x(", pattern: "x(", weight: 5, detail: "broken" };
    expect(ruleSetSchema.safeParse([{ ...rule, signals: [...rule.signals, broken] }]).success).toBe(false);
    const misanchored = { kind: "message", anchor: "token", pattern: "id|access token", weight: 5, detail: "anchor inside an alternation" };
    expect(ruleSetSchema.safeParse([{ ...rule, signals: [...rule.signals, misanchored] }]).success).toBe(false);
  });

  it("reads the literals a regex guarantees", () => {
    expect(requiredLiterals(String.raw`claim 'client_id' value`)).toEqual(["claim 'client_id' value"]);
    expect(requiredLiterals(String.raw`credentials?\.json`)).toEqual(["credential", ".json"]);
    expect(requiredLiterals(String.raw`(?:a|b)c\s+d[xy]e`)).toEqual(["c", "d", "e"]);
    expect(requiredLiterals("a|b")).toEqual([]);
    expect(requiredLiterals(String.raw`x\(y\)z{2}w`)).toEqual(["x(y)z", "w"]);
    expect(requiredLiterals("ab+c")).toEqual(["ab", "c"]);
  });

  it("covers every incident of the seeds (ids the issue names)", () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of [
      "cognito-client-id-mismatch", "agentcore-discovery-url", "agentcore-auth-method-mismatch", "agentcore-websocket-auth",
      "agentcore-runtime-404", "appsync-unauthorized-iam", "appsync-unauthorized-userpool", "identity-pool-config",
      "identity-pool-token", "token-expired", "credentials-missing", "bedrock-inference-profile", "agentcore-workload-identity",
    ]) expect(ids, id).toContain(id);
  });
});
