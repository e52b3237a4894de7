import { afterEach, describe, expect, it } from "vitest";
import { formatLogLine, logEvent, setLogSink, type LogLevel } from "./log";
import { leaks, PLANTED, PLANTED_JWT, watchOutput } from "./test-support";

const AT = new Date("2026-01-02T03:04:05.000Z");
const line = (fields: Record<string, unknown>, event = "test.event") => formatLogLine(event, fields, "info", AT);
const parsed = (fields: Record<string, unknown>) => JSON.parse(line(fields)) as Record<string, unknown>;

describe("formatLogLine", () => {
  it("is one JSON object on one line: time, level, event, then the fields", () => {
    const text = line({ status: 502, host: "cognito-idp.us-east-1.amazonaws.com", note: "two\nlines" });
    expect(text).not.toContain("\n");
    expect(JSON.parse(text)).toEqual({
      time: "2026-01-02T03:04:05.000Z",
      level: "info",
      event: "test.event",
      status: 502,
      host: "cognito-idp.us-east-1.amazonaws.com",
      note: "two\nlines",
    });
  });

  it("keeps time, level and event from being overwritten by a field", () => {
    expect(parsed({ level: "debug", event: "x", time: "y" })).toMatchObject({ level: "info", event: "test.event", field_level: "debug", field_event: "x", field_time: "y" });
  });

  // Each field shape a route could log, carrying every kind of planted secret.
  const { secretKey, apiKey, password, sessionToken, opaqueToken, accessKeyId } = PLANTED;
  it.each<[string, Record<string, unknown>]>([
    ["secret-named fields", { password, secretAccessKey: secretKey, sessionToken, apiKey, refresh_token: opaqueToken }],
    ["authorization values", { authorization: `Bearer ${opaqueToken}`, Authorization: PLANTED_JWT }],
    ["secrets by shape in free text", { message: `boom ${PLANTED_JWT} ${secretKey} ${apiKey} ${sessionToken} ${accessKeyId}` }],
    ["a request body held as a string", { body: JSON.stringify({ AuthParameters: { USERNAME: "a", PASSWORD: password }, ClientSecret: opaqueToken }) }],
    ["a form body", { body: `username=a&password=${encodeURIComponent(password)}&client_secret=${opaqueToken}` }],
    ["nested objects and arrays", { request: { headers: [{ "x-api-key": apiKey }, { cookie: `session=${opaqueToken}` }], deeper: { a: { b: { token: opaqueToken } } } } }],
    ["a URL object with tokens in the query", { url: new URL(`https://x.example/cb?code=1&id_token=${PLANTED_JWT}&access_token=${opaqueToken}&X-Amz-Security-Token=${encodeURIComponent(sessionToken)}`) }],
    ["a URL fragment", { url: `https://x.example/#id_token=${PLANTED_JWT}&access_token=${opaqueToken}` }],
    ["a Headers object", { headers: new Headers({ authorization: `Bearer ${opaqueToken}`, "x-api-key": apiKey, "x-amz-security-token": sessionToken, cookie: `a=${opaqueToken}` }) }],
    ["a Request", { request: new Request(`https://h.example/?password=${password}`, { headers: { authorization: `Bearer ${PLANTED_JWT}`, "x-api-key": apiKey } }) }],
    ["an Error with a cause", { error: Object.assign(new Error(`failed for ${secretKey}`, { cause: new Error(`token=${opaqueToken}`) }), { code: "E1" }) }],
    ["a Map and a Set", { map: new Map([["password", password]]), set: new Set([PLANTED_JWT]) }],
    ["secrets as keys", { [PLANTED_JWT]: 1, [secretKey]: 2 }],
    ["a secret in the event name", {}],
  ])("redacts %s", (_name, fields) => {
    const text = formatLogLine(`event ${PLANTED_JWT} ${secretKey}`, fields, "warn", AT);
    expect(leaks(text)).toEqual([]);
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it("keeps what a person debugging needs: JWT claims, which key, status, host", () => {
    const out = parsed({ authorization: `Bearer ${PLANTED_JWT}`, apiKey, accessKeyId, status: 401, host: "h.example" });
    expect(out.authorization).toBe(`Bearer ${PLANTED_JWT.slice(0, PLANTED_JWT.lastIndexOf(".") + 1)}…redacted…`);
    expect(out.apiKey).toBe("da2-…apik");
    expect(out.accessKeyId).toBe("ASIA…3456");
    expect(out).toMatchObject({ status: 401, host: "h.example" });
  });

  it("turns errors into name, message and code, without the stack", () => {
    const out = parsed({ error: Object.assign(new TypeError("bad thing"), { code: "ERR_X" }) });
    expect(out.error).toEqual({ name: "TypeError", message: "bad thing", code: "ERR_X" });
  });

  it("survives circular, deep, huge and odd values", () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { deep };
    const out = parsed({
      circular,
      deep,
      huge: `${"x".repeat(10_000)} ${PLANTED.secretKey}`,
      many: Array.from({ length: 500 }, (_, i) => i),
      bigint: 10n,
      fn: () => 1,
      bytes: new Uint8Array(5),
      undef: undefined,
      date: AT,
    });
    expect((out.circular as Record<string, unknown>).self).toBe("[circular]");
    expect(JSON.stringify(out.deep)).toContain("[too deep]");
    expect((out.huge as string).length).toBeLessThan(2_100);
    expect((out.many as unknown[]).length).toBe(51);
    expect(out).toMatchObject({ bigint: "10", fn: "[function]", bytes: "[5 bytes]", date: AT.toISOString() });
    // The secret sat past the cut; redaction ran before clipping, so no fragment of it is left.
    expect(leaks(JSON.stringify(out))).toEqual([]);
  });

  it("redacts a secret that straddles the clipping point", () => {
    const text = line({ huge: `${"x ".repeat(999)}${PLANTED.secretKey} tail` });
    expect(text).not.toContain(PLANTED.secretKey.slice(0, 10));
  });
});

describe("logEvent", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("writes info to stdout and warn/error to stderr, one line each", () => {
    const watch = watchOutput();
    try {
      logEvent("a.info", { password: PLANTED.password });
      logEvent("a.warn", { token: PLANTED.opaqueToken }, "warn");
      logEvent("a.error", { error: new Error(PLANTED_JWT) }, "error");
    } finally {
      watch.restore();
    }
    const lines = watch.text().split("\n").filter(Boolean);
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(["a.info", "a.warn", "a.error"]);
    expect(leaks(watch.text())).toEqual([]);
  });

  it("goes to the sink tests set", () => {
    const seen: Array<[string, LogLevel]> = [];
    restore = setLogSink({ write: (l, level) => seen.push([l, level]) });
    logEvent("x", {}, "debug");
    expect(seen).toHaveLength(1);
    expect(seen[0]![1]).toBe("debug");
  });
});
