import { describe, expect, it } from "vitest";
import { roleCheckLink } from "./role-check-link";

const appSync = { query: "query { listNotes { id } }", variables: "", subscription: "subscription { onCreateNote { id } }" };

describe("roleCheckLink", () => {
  it("links a refused IAM-signed cell to the role check, with the operation it sent", () => {
    const href = roleCheckLink({ row: "appsync-http", column: "iam" }, { outcome: "fail", summary: "401" }, appSync)!;
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/policy");
    expect(url.searchParams.get("call")).toBe("appsync-http");
    expect(url.searchParams.get("query")).toBe(appSync.query);
    expect(roleCheckLink({ row: "agentcore-ws", column: "sigv4" }, { outcome: "fail", summary: "403" }, appSync)).toBe("/policy?call=agentcore-ws");
  });

  it("offers nothing for a passing cell or a token cell, whose refusal no role decides", () => {
    expect(roleCheckLink({ row: "appsync-http", column: "iam" }, { outcome: "pass", summary: "200" }, appSync)).toBeUndefined();
    expect(roleCheckLink({ row: "appsync-http", column: "access-token" }, { outcome: "fail", summary: "401" }, appSync)).toBeUndefined();
  });
});
