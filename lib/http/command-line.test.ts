import { describe, expect, it } from "vitest";
import { REDACTED } from "../redact";
import { shellQuote, toCurl, toWebsocat } from "./command-line";
import { runInShell } from "../../sandbox/test-support";
import { encodeRealtimeHeader } from "../redact/test-support/secrets";

describe("shellQuote", () => {
  it.each(["plain", "it's", "a b", "$HOME `x` $(y)", "line\nbreak", "!bang", "", "'", "\\"])("round-trips %j through sh", (word) => {
    expect(runInShell(`printf %s ${shellQuote(word)}`)).toBe(word);
  });
});

describe("toCurl", () => {
  it("builds a redacted, copyable curl line", () => {
    const line = toCurl({
      method: "POST",
      url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql",
      headers: {
        host: "abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com",
        "x-api-key": "da2-abcdefghijklmnopqrstuvwxyz",
        "content-type": "application/json",
        "content-length": "20",
      },
      body: `{"query":"{ it's }"}`,
    });
    expect(line).toBe(
      [
        "curl -sS -X POST https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql",
        "-H 'x-api-key: da2-…wxyz'",
        "-H 'content-type: application/json'",
        `--data-raw '{"query":"{ it'\\''s }"}'`,
      ].join(" \\\n  "),
    );
  });

  it("keeps a host header that differs from the URL and redacts a bearer token", () => {
    const line = toCurl({ method: "GET", url: "http://127.0.0.1:4577/x?a=1&b=2", headers: { host: "real.example", authorization: "Bearer opaque" } });
    expect(line).toBe(`curl -sS 'http://127.0.0.1:4577/x?a=1&b=2' \\\n  -H 'host: real.example' \\\n  -H 'authorization: Bearer ${REDACTED}'`);
  });
});

describe("toWebsocat", () => {
  it("redacts the protocols and the URL", () => {
    const protocol = encodeRealtimeHeader({ host: "h", "x-api-key": "da2-abcdefghijklmnopqrstuvwxyz" });
    const line = toWebsocat("wss://x.appsync-realtime-api.us-east-1.amazonaws.com/graphql", ["graphql-ws", protocol]);
    expect(line).toMatch(/^websocat --protocol 'graphql-ws, header-[A-Za-z0-9_-]+' wss:\/\/x\.appsync-realtime-api/);
    expect(line).not.toContain("abcdefghijklmnopqrstuv");
    expect(toWebsocat("wss://h/ws?X-Amz-Signature=abc")).toBe(`websocat 'wss://h/ws?X-Amz-Signature=${REDACTED}'`);
  });
});
