import { describe, expect, it } from "vitest";
import { redactText, REDACTED } from "../redact";
import { placeholdersIn, shellQuote, shellWord, toCurl } from "./command-line";
import { commandWithCredentials } from "./credential-snippet";
import { runInShell } from "../../sandbox/test-support";

const JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1c2VyLTEiLCJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2lnbmF0dXJlLWJ5dGVzLWFyZS1oZXJl";
const APPSYNC = "https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql";

describe("shellQuote", () => {
  it.each(["plain", "it's", "a b", "$HOME `x` $(y)", "line\nbreak", "!bang", "", "'", "\\"])("round-trips %j through sh", (word) => {
    expect(runInShell(`printf %s ${shellQuote(word)}`)).toBe(word);
  });
});

describe("shellWord", () => {
  it.each([
    [["x-api-key: ", { env: "API_KEY" as const }], "x-api-key: da2-key"],
    [["it's \"quoted\" $HOME `x` !bang\\ ", { env: "API_KEY" as const }, "!"], "it's \"quoted\" $HOME `x` !bang\\ da2-key!"],
    [[{ env: "API_KEY" as const }], "da2-key"],
  ])("expands only the placeholder: %j", (parts, expected) => {
    expect(runInShell(`API_KEY=da2-key; printf %s ${shellWord(parts)}`)).toBe(expected);
  });

  it("double-quotes a plain header, as a person would write it", () => {
    expect(shellWord(["authorization: Bearer ", { env: "ACCESS_TOKEN" }])).toBe('"authorization: Bearer $ACCESS_TOKEN"');
  });
});

describe("toCurl", () => {
  const request = {
    method: "POST",
    url: APPSYNC,
    headers: {
      host: "abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com",
      "x-api-key": "da2-abcdefghijklmnopqrstuvwxyz",
      "content-type": "application/json",
      "content-length": "20",
    },
    body: `{"query":"{ it's }"}`,
  };

  it("without a credential form, shows the request as sent, redacted", () => {
    expect(toCurl(request)).toBe(
      [`curl -sS -i -N -X POST ${APPSYNC}`, "-H 'x-api-key: da2-…wxyz'", "-H 'content-type: application/json'", `--data-raw '{"query":"{ it'\\''s }"}'`].join(" \\\n  "),
    );
    const line = toCurl({ method: "GET", url: "http://127.0.0.1:4577/x?a=1&b=2", headers: { host: "real.example", authorization: "Bearer opaque" } });
    expect(line).toBe(`curl -sS -i -N 'http://127.0.0.1:4577/x?a=1&b=2' \\\n  -H 'host: real.example' \\\n  -H 'authorization: Bearer ${REDACTED}'`);
  });

  it("puts the placeholder where the API key was", () => {
    const line = toCurl(request, { kind: "header", name: "x-api-key", variable: "API_KEY" });
    expect(line).toContain('-H "x-api-key: $API_KEY"');
    expect(line).not.toContain("da2-");
    expect(placeholdersIn(line)).toEqual(["API_KEY"]);
  });

  it("signs with curl --aws-sigv4 in place of the signature headers", () => {
    const signed = {
      method: "POST",
      url: APPSYNC,
      headers: {
        "content-type": "application/json",
        "x-amz-date": "20250101T000000Z",
        "x-amz-security-token": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ",
        authorization: "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE12/20250101/us-east-1/appsync/aws4_request, SignedHeaders=host, Signature=" + "a".repeat(64),
      },
      body: "{}",
    };
    const line = toCurl(signed, { kind: "sigv4", region: "us-east-1", service: "appsync", sessionToken: true });
    expect(line).toContain("--aws-sigv4 aws:amz:us-east-1:appsync");
    expect(line).toContain('--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
    expect(line).toContain('-H "x-amz-security-token: $AWS_SESSION_TOKEN"');
    expect(line).not.toMatch(/x-amz-date|AWS4-HMAC|IQoJ|ASIA/);
    expect(placeholdersIn(line)).toEqual(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);
    expect(toCurl(signed, { kind: "sigv4", region: "us-east-1", service: "appsync", sessionToken: false })).not.toContain("AWS_SESSION_TOKEN");
  });

  it("survives the report's redaction unchanged", () => {
    for (const auth of [
      { kind: "header", name: "authorization", scheme: "Bearer", variable: "ACCESS_TOKEN" },
      { kind: "sigv4", region: "us-east-1", service: "appsync", sessionToken: true },
    ] as const) {
      const line = toCurl(request, auth);
      expect(redactText(line)).toBe(line);
    }
  });
});

describe("a Lambda authorizer's token", () => {
  const lambdaRequest = { method: "POST", url: APPSYNC, headers: { authorization: "tenant-42 opaque", "content-type": "application/json" }, body: "{}" };

  it("is read from $LAMBDA_TOKEN, the whole Authorization value, never shown", () => {
    const line = toCurl(lambdaRequest, { kind: "header", name: "authorization", variable: "LAMBDA_TOKEN" });
    expect(line).toContain('-H "authorization: $LAMBDA_TOKEN"');
    expect(line).not.toContain("opaque");
    expect(placeholdersIn(line)).toEqual(["LAMBDA_TOKEN"]);
    expect(redactText(line)).toBe(line);
  });

  it("is exported only on request, with its spaces and quotes intact", () => {
    const line = toCurl(lambdaRequest, { kind: "header", name: "authorization", variable: "LAMBDA_TOKEN" });
    const snippet = commandWithCredentials(`printf '%s' "$LAMBDA_TOKEN"`, { lambdaToken: "tenant-42 o'paque" });
    expect(snippet.ok && runInShell(snippet.text)).toBe("tenant-42 o'paque");
    expect(commandWithCredentials(line, {})).toEqual({ ok: false, missing: ["LAMBDA_TOKEN"] });
  });
});

describe("commandWithCredentials", () => {
  it("exports what the command reads, and the command then sends the real value", () => {
    const command = `printf '%s|%s' ${shellWord(["Bearer ", { env: "ACCESS_TOKEN" }])} ${shellWord([{ env: "AWS_SESSION_TOKEN" }])}`;
    const snippet = commandWithCredentials(command, { accessToken: JWT, aws: { accessKeyId: "ASIAX", secretAccessKey: "s/+e'cret", sessionToken: "tok'en" } });
    expect(snippet.ok).toBe(true);
    if (!snippet.ok) return;
    expect(snippet.variables).toEqual(["ACCESS_TOKEN", "AWS_SESSION_TOKEN"]);
    expect(snippet.text).not.toContain("AWS_SECRET_ACCESS_KEY");
    expect(runInShell(snippet.text)).toBe(`Bearer ${JWT}|tok'en`);
  });

  it("names what the session no longer holds instead of exporting an empty value", () => {
    expect(commandWithCredentials('curl -H "x-api-key: $API_KEY" https://x', {})).toEqual({ ok: false, missing: ["API_KEY"] });
  });
});
