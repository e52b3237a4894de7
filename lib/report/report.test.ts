import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { environmentSchema } from "../config/environment";
import { RULES } from "../diagnosis/rules";
import { reportJson, reportMarkdown, type ReportInput } from "./report";
import type { ReportedCall } from "./summary";

const environment = environmentSchema.parse({
  id: "c",
  name: "Customer C",
  region: "us-east-1",
  userPoolId: "us-east-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
  appSync: [{ name: "data", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql", region: "us-east-1", defaultAuthMode: "API_KEY", apiKey: "da2-abcdefghijklmnopqrstuvwxyz" }],
});

const jwt = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiIxIiwidG9rZW5fdXNlIjoiYWNjZXNzIn0.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw";

function input(secret: string): ReportInput {
  return {
    title: "Test calls",
    generatedAt: new Date("2026-11-24T00:00:00Z"),
    environment,
    testCalls: [
      {
        row: "appsync-http",
        column: "iam",
        result: {
          outcome: "fail",
          status: 401,
          summary: "401 UnauthorizedException: Permission denied",
          detail: {
            request: `POST /graphql\nauthorization: ${jwt}\nx-amz-security-token: ${secret}\nx-api-key: da2-abcdefghijklmnopqrstuvwxyz`,
            command: `curl -H 'x-amz-security-token: ${secret}'`,
            response: `{"SecretAccessKey":"${secret}"}`,
          },
        },
        diagnosis: { id: "appsync-unauthorized-iam", title: "The role lacks appsync:GraphQL" },
      },
    ],
  };
}

const policyStep = RULES.find((r) => r.id === "appsync-unauthorized-iam")!;

/** A run as the Calls page reports it: labels, the origin, a cause with its fix. */
function run(): ReportInput {
  const failed = (row: string, rowLabel: string): ReportedCall => ({
    row,
    column: "iam",
    rowLabel,
    columnLabel: "IAM (SigV4, identity pool)",
    result: { outcome: "fail", status: 401, summary: "401 UnauthorizedException: Permission denied", detail: { response: "HTTP/1.1 401" } },
    diagnosis: { id: policyStep.id, title: policyStep.title, cause: policyStep.cause, fix: policyStep.fix },
  });
  return {
    title: "Test calls: Customer C",
    generatedAt: new Date("2026-11-24T00:00:00Z"),
    origin: "https://debugger.example.com",
    environment,
    account: "123456789012",
    testCalls: [
      failed("appsync-http", "AppSync HTTP"),
      failed("appsync-realtime", "AppSync realtime subscribe"),
      { row: "appsync-http", column: "api-key", rowLabel: "AppSync HTTP", columnLabel: "API key", result: { outcome: "pass", status: 200, summary: "200 OK" } },
      { row: "appsync-http", column: "amplify:API_KEY", rowLabel: "AppSync HTTP", columnLabel: "API_KEY, as aws-amplify sends it", result: { outcome: "not-run", summary: "aws-amplify sent nothing: NoApiKey: No api-key configured" } },
      { row: "appsync-http", column: "id-token", rowLabel: "AppSync HTTP", columnLabel: "User pool: ID token", result: { outcome: "not-run", summary: "No ID token: sign in first." } },
    ],
  };
}

describe("reports", () => {
  it("lists the environment and every cell, with its diagnosis", () => {
    const md = reportMarkdown(input("x".repeat(40)));
    expect(md).toContain("User pool `us-east-1_AbC123`");
    expect(md).toContain("| appsync-http | iam | fail 401 | [The role lacks appsync:GraphQL](/diagnose#appsync-unauthorized-iam) | 401 UnauthorizedException: Permission denied |");
    expect(JSON.parse(reportJson(input("x"))).testCalls[0].diagnosis.id).toBe("appsync-unauthorized-iam");
  });

  it("never carries a planted secret, a JWT signature or an API key", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+/]{40,80}$/), (secret) => {
        for (const text of [reportMarkdown(input(secret)), reportJson(input(secret))]) {
          if (text.includes(secret)) return false;
          if (text.includes("c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw")) return false;
          if (text.includes("da2-abcdefghijklmnopqrstuvwxyz")) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe("the report's summary", () => {
  const md = reportMarkdown(run());
  const summary = md.slice(md.indexOf("## Summary"), md.indexOf("## Environment"));

  it("comes first and says what failed, with which credential, the cause once, the fix with this API's ARN, and an absolute link", () => {
    expect(md.indexOf("## Summary")).toBeLessThan(md.indexOf("## Environment"));
    expect(summary).toContain("2 of 5 test calls failed, 1 passed, 2 could not run.");
    expect(summary).toContain("**AppSync HTTP** with **IAM (SigV4, identity pool)**: 401 UnauthorizedException: Permission denied");
    expect(summary).toContain("**AppSync realtime subscribe** with **IAM (SigV4, identity pool)**");
    expect(summary.match(/Cause: /g)).toHaveLength(1);
    expect(summary).toContain(`[appsync-unauthorized-iam](https://debugger.example.com/diagnose#appsync-unauthorized-iam)`);
    expect(summary).toContain("Fix: Allow appsync:GraphQL");
    expect(summary).toContain("arn:aws:appsync:us-east-1:123456789012:apis/abcdefghijklmnopqrstuvwxyz/types/Query/fields/*");
  });

  it("keeps AWS's and Amplify's words, and names what could not run", () => {
    expect(summary).toContain("**AppSync HTTP** with **API_KEY, as aws-amplify sends it**: aws-amplify sent nothing: NoApiKey: No api-key configured");
    expect(md).not.toContain("NoApiKey: …redacted…");
  });

  it("links each diagnosis in the table and leaves no section empty", () => {
    expect(md).toContain("| AppSync HTTP | IAM (SigV4, identity pool) | fail 401 | [AppSync IAM mode");
    expect(md).toContain("](https://debugger.example.com/diagnose#appsync-unauthorized-iam) | 401 UnauthorizedException: Permission denied |");
    expect(md).toContain("| API_KEY, as aws-amplify sends it | not-run |  | aws-amplify sent nothing: NoApiKey: No api-key configured |");
    const sections = md.split(/^#{1,3} .+$/m).slice(1);
    for (const body of sections) expect(body.trim()).not.toBe("");
    expect(JSON.parse(reportJson(run())).testCalls[0].diagnosis.link).toBe("https://debugger.example.com/diagnose#appsync-unauthorized-iam");
  });

  it("is left out when nothing in the report could fail", () => {
    expect(reportMarkdown({ title: "Tokens", generatedAt: new Date(), environment })).not.toContain("## Summary");
  });
});
