import { describe, expect, it } from "vitest";
import { assertPolicyDocument, formatIssue, parsePolicyDocument, PolicyParseError, type PolicyIssue } from "./index";

const ok = { Effect: "Allow", Action: "appsync:GraphQL", Resource: "*" };

describe("parsePolicyDocument", () => {
  it("accepts a single statement object and a statement list, from text or objects", () => {
    expect(parsePolicyDocument({ Version: "2012-10-17", Statement: ok }).ok).toBe(true);
    expect(parsePolicyDocument(JSON.stringify({ Version: "2012-10-17", Statement: [ok, { ...ok, Effect: "Deny" }] })).ok).toBe(true);
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } }],
    };
    expect(parsePolicyDocument(trust).ok).toBe(true);
  });

  const cases: Array<[string, unknown, Partial<PolicyIssue>]> = [
    ["bad JSON", "{ not json", { field: "(document)" }],
    ["no Statement", { Version: "2012-10-17" }, { field: "Statement" }],
    ["empty Statement list", { Statement: [] }, { field: "Statement" }],
    ["bad Version", { Version: "2012-10-18", Statement: ok }, { field: "Version", message: 'expected "2012-10-17" or "2008-10-17"' }],
    ["lower-case effect", { Statement: [ok, { Sid: "Two", Effect: "allow", Action: "s3:*" }] }, { statement: 1, sid: "Two", field: "Effect", message: 'expected "Allow" or "Deny"' }],
    ["misspelt element", { Statement: { ...ok, Actions: "s3:*" } }, { statement: 0, field: "Actions", message: "not an IAM policy element (check the spelling)" }],
    ["no Action", { Statement: { Effect: "Allow", Resource: "*" } }, { statement: 0, field: "Action", message: "a statement needs Action or NotAction" }],
    ["Resource and NotResource", { Statement: { ...ok, NotResource: "x" } }, { statement: 0, field: "NotResource" }],
    ["Principal and NotPrincipal", { Statement: { ...ok, Principal: "*", NotPrincipal: "*" } }, { statement: 0, field: "NotPrincipal" }],
    ["bad Principal", { Statement: { ...ok, Principal: { Fed: "x" } } }, { statement: 0, field: "Principal.Fed", message: "not a principal type (AWS, Federated, Service, CanonicalUser)" }],
    ["Principal of the wrong type", { Statement: { ...ok, Principal: ["x"] } }, { statement: 0, field: "Principal" }],
    ["unknown condition operator", { Statement: { ...ok, Condition: { StringEqual: { "aws:username": "a" } } } }, { statement: 0, field: "Condition.StringEqual", message: "unknown condition operator 'StringEqual'" }],
    ["Null with IfExists", { Statement: { ...ok, Condition: { NullIfExists: { "aws:username": "true" } } } }, { statement: 0, field: "Condition.NullIfExists" }],
    ["empty Action list", { Statement: { ...ok, Action: [] } }, { statement: 0, field: "Action" }],
  ];

  for (const [name, input, expected] of cases) {
    it(`reports: ${name}`, () => {
      const result = parsePolicyDocument(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toContainEqual(expect.objectContaining(expected));
    });
  }

  it("formats issues with the statement, its Sid and the field", () => {
    expect(formatIssue({ statement: 1, sid: "Two", field: "Effect", message: 'expected "Allow" or "Deny"' })).toBe(
      'Statement[1] (Sid "Two") · Effect: expected "Allow" or "Deny"',
    );
    expect(() => assertPolicyDocument({ Statement: { Effect: "Allow" } })).toThrow(PolicyParseError);
    try {
      assertPolicyDocument("nope");
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid:policy:json" });
    }
  });
});
