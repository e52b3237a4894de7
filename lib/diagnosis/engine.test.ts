import { describe, expect, it } from "vitest";
import { diagnose, MIN_SCORE } from "./engine";
import { excerpt } from "./excerpt";
import type { Rule } from "./types";

/** How the engine weighs evidence, reported through the issue's own test calls. */

describe("structured test calls (issue brief)", () => {
  it("AppSync, IAM, 401 Not Authorized → appsync-unauthorized-iam first", () => {
    const [first] = diagnose({ service: "appsync", variant: "iam", status: 401, errorType: "UnauthorizedException", message: "Not Authorized to access listNotes on type Query" });
    expect(first?.id).toBe("appsync-unauthorized-iam");
    expect(first?.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(["message", "variant", "status", "service"]));
  });

  it("AgentCore, ID token, client_id mismatch → cognito-client-id-mismatch first", () => {
    const [first] = diagnose({ service: "agentcore", variant: "id-token", status: 401, message: "Claim 'client_id' value mismatch with configuration." });
    expect(first?.id).toBe("cognito-client-id-mismatch");
    expect(first?.signals[0]).toMatchObject({ kind: "message", detail: expect.stringContaining("Claim 'client_id' value mismatch") });
  });

  it("AgentCore, SigV4, 403 Authorization method mismatch → agentcore-auth-method-mismatch first", () => {
    const [first] = diagnose({ service: "agentcore", variant: "sigv4", status: 403, errorType: "AccessDeniedException", message: "Authorization method mismatch…" });
    expect(first?.id).toBe("agentcore-auth-method-mismatch");
  });
});

describe("weighing", () => {
  it("never diagnoses a lone generic word, nor a generic word with a status", () => {
    for (const text of ["Unauthorized", "401 Unauthorized", "AccessDenied", "Forbidden", "UnauthorizedException", "HTTP/1.1 403 Forbidden", "expired", "invalid token"]) {
      expect(diagnose(text), text).toEqual([]);
    }
    expect(diagnose({ status: 401, message: "Unauthorized" })).toEqual([]);
  });

  it("ranks context plus a specific message above a generic match", () => {
    const withContext = diagnose({ service: "appsync", variant: "iam", status: 401, message: "Unauthorized" });
    const generic = diagnose({ message: "Unauthorized" });
    expect(withContext[0]?.id).toBe("appsync-unauthorized-iam");
    expect(generic).toEqual([]);
  });

  it("lets the CloudTrail verdict move the diagnosis", () => {
    const testCall = { service: "appsync", variant: "iam", status: 401, message: "Unauthorized" } as const;
    expect(diagnose({ ...testCall, cloudTrailVerdict: "assumed" })[0]?.id).toBe("appsync-unauthorized-iam");
    expect(diagnose({ ...testCall, cloudTrailVerdict: "refused", service: "identity-pool" })[0]?.id).toBe("identity-pool-config");
    expect(diagnose({ ...testCall, cloudTrailVerdict: "assumed-other-role" })[0]?.id).toBe("identity-pool-role-mapping");
    expect(diagnose({ ...testCall, cloudTrailVerdict: "absent" })[0]?.id).toBe("cloudtrail-no-assume-role");
  });

  it("says which signals matched, best first, near misses last", () => {
    const [first] = diagnose({ service: "appsync", variant: "iam", message: "Not Authorized to access getUser on type User" });
    const weights = first?.signals.map((s) => s.weight) ?? [];
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const field = diagnose({ service: "appsync", variant: "iam", message: "Not Authorized to access getUser on type User" }).find((m) => m.id === "appsync-field-not-authorized");
    expect(field).toBeUndefined(); // the IAM variant's negative weight keeps it under MIN_SCORE
  });

  it("halves the evidence of rules for another service", () => {
    const text = '{"message":"Missing Authentication Token"} for https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/x';
    const here = diagnose({ text, service: "agentcore" })[0];
    const elsewhere = diagnose({ text, service: "api-gateway" }).find((m) => m.id === "agentcore-runtime-404");
    expect(here?.id).toBe("agentcore-runtime-404");
    expect(elsewhere?.score ?? 0).toBeLessThan(here?.score ?? 0);
  });

  it("knows the test calls' row ids, and ignores service names it does not know", () => {
    const message = "Claim 'client_id' value mismatch with configuration.";
    const row = diagnose({ service: "agentcore-http", variant: "id-token", message })[0];
    expect(row?.signals.some((s) => s.kind === "service")).toBe(true);
    const unknown = diagnose({ service: "my-backend", variant: "id-token", message })[0];
    const none = diagnose({ variant: "id-token", message })[0];
    expect(unknown?.score).toBe(none?.score);
  });

  it("reads statuses and error types out of pasted responses", () => {
    const [first] = diagnose("HTTP/1.1 404 Not Found\nx-amzn-RequestId: 1\nPOST https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-1/invocations");
    expect(first?.id).toBe("agentcore-runtime-404");
    expect(first?.signals.some((s) => s.kind === "status" && s.detail.includes("404"))).toBe(true);
  });

  it("uses header values given as headers", () => {
    const [first] = diagnose({ service: "appsync", variant: "iam", status: 403, headers: { "X-Amzn-ErrorType": "InvalidSignatureException" } });
    expect(first?.id).toBe("sigv4-signature-mismatch");
  });

  it("derives the token kind from the variant and checks the authorizer config", () => {
    const [first] = diagnose({ service: "agentcore", variant: "access-token", status: 401, authorizer: { allowedAudience: ["abc"], discoveryUrl: "https://x/.well-known/openid-configuration" } });
    expect(first?.id).toBe("cognito-client-id-mismatch");
    expect(first?.signals.map((s) => s.detail).join(" ")).toMatch(/allowedAudience/);
  });
});

describe("evidence excerpts", () => {
  it("never quotes a token: matches stop short of it, and excerpts mask what they do include", () => {
    const jwt = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2ln";
    const [first] = diagnose({ service: "appsync", text: `Authorization: Bearer ${jwt}`, message: "Unable to parse JWT token." });
    expect(first?.signals.map((s) => s.detail).join("\n")).not.toContain("eyJzdWIi");
    const text = `Bearer ${jwt} key=bdk_v1_abcdefghijkl AKIAABCDEFGHIJKLMNOP X-Amz-Signature=deadbeef api_key: "sk-123456789"`;
    const shown = excerpt(text, text.toLowerCase(), 0, text.length);
    expect(shown).toContain("eyJ…(JWT)");
    for (const secret of ["eyJzdWIi", "abcdefghijkl", "EFGHIJKLMNOP", "deadbeef", "sk-123456789"]) expect(shown).not.toContain(secret);
  });

  it("quotes the service's wording in its original case", () => {
    const [first] = diagnose("Error: Unable to locate credentials. You can configure credentials by running \"aws configure\"");
    expect(first?.signals[0]?.detail).toContain('"Unable to locate credentials"');
  });
});

describe("custom rule sets", () => {
  const rule: Rule = {
    id: "demo", title: "A demo rule for tests", services: ["aws-sdk"],
    signals: [{ kind: "message", anchor: "kaboom", pattern: "kaboom \\d+", weight: MIN_SCORE, detail: "kaboom" }],
    cause: "Something went kaboom in a way that this test rule describes at length.", fix: [{ text: "Do not go kaboom." }],
    source: [{ kind: "seed", ref: "000" }],
  };
  it("runs any rule list, compiled once", () => {
    expect(diagnose("kaboom 42", [rule]).map((m) => m.id)).toEqual(["demo"]);
    expect(diagnose("kaboom", [rule])).toEqual([]);
  });
});
