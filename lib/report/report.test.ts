import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { environmentSchema } from "../config/environment";
import { reportJson, reportMarkdown, type ReportInput } from "./report";

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

describe("reports", () => {
  it("lists the environment and every cell, with its diagnosis", () => {
    const md = reportMarkdown(input("x".repeat(40)));
    expect(md).toContain("User pool `us-east-1_AbC123`");
    expect(md).toContain("| appsync-http | iam | fail 401 | 401 UnauthorizedException: Permission denied | The role lacks appsync:GraphQL (`appsync-unauthorized-iam`) |");
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
