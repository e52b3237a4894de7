/**
 * Property: a secret of any supported kind, planted anywhere in arbitrary text, JSON, headers or
 * URLs, never survives redaction in any form a reader could recover (plain, percent-encoded,
 * JSON-escaped, or inside a re-encoded realtime header / AgentCore subprotocol).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, redactHeaders, redactJson, redactText, redactUrl } from "./index";
import { plantedSecretArb } from "./test-support/plantings";
import {
  apiKeyArb,
  encodeBearerSubprotocol,
  encodeLegacyHeader,
  encodeRealtimeHeader,
  hexSignatureArb,
  jweArb,
  jwtArb,
  leaks,
  opaqueTokenArb,
  passwordArb,
  secretKeyArb,
  sessionTokenArb,
} from "./test-support/secrets";

const RUNS = { numRuns: 300 };
/** What separates a planted secret from the text around it; never a base64 character. */
const before = fc.constantFrom(" ", "\n", "\t", ",", ";", "(", "[", "{", '"', "'", ">", "|", "\r\n");
const after = fc.constantFrom(" ", "\n", "\t", ",", ";", ")", "]", "}", '"', "'", "<", "|", ".", "\r\n");
const filler = fc.string({ maxLength: 80, unit: "grapheme" });

function assertNoLeak(output: string, secrets: string[], context: string) {
  for (const secret of secrets) {
    // A secret the surrounding random text happens to contain is not the planted one.
    if (context.includes(secret)) continue;
    expect(leaks(output, secret), `leaked ${secret} in ${output}`).toBe(false);
  }
}

describe("redactText", () => {
  it("removes a planted secret from arbitrary text", () => {
    fc.assert(
      fc.property(filler, before, plantedSecretArb, after, filler, (head, sep1, planted, sep2, tail) => {
        const output = redactText(`${head}${sep1}${planted.text}${sep2}${tail}`);
        assertNoLeak(output, planted.secrets, head + tail);
      }),
      RUNS,
    );
  });

  it("removes several planted secrets at once", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, plantedSecretArb), { minLength: 2, maxLength: 5 }), (parts) => {
        const text = parts.map(([f, p]) => `${f}\n${p.text}\n`).join("");
        const output = redactText(text);
        assertNoLeak(output, parts.flatMap(([, p]) => p.secrets), parts.map(([f]) => f).join(""));
      }),
      RUNS,
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(filler, plantedSecretArb, filler, (head, planted, tail) => {
        const once = redactText(`${head} ${planted.text} ${tail}`);
        expect(redactText(once)).toBe(once);
      }),
      RUNS,
    );
  });
});

/** Secrets as JSON values: under their own names, or under any name where their shape tells. */
const jsonPlanting: fc.Arbitrary<{ value: unknown; secrets: string[] }> = fc.oneof(
  passwordArb.map((p) => ({ value: { AuthParameters: { USERNAME: "alice", PASSWORD: p } }, secrets: [p] })),
  passwordArb.map((p) => ({ value: { body: JSON.stringify({ AuthParameters: { PASSWORD: p } }) }, secrets: [p] })),
  passwordArb.map((p) => ({ value: { password: p }, secrets: [p] })),
  secretKeyArb.map((k) => ({ value: { Credentials: { AccessKeyId: "ASIAIOSFODNN7EXAMPLE", SecretKey: k } }, secrets: [k] })),
  opaqueTokenArb.map((t) => ({ value: { SessionToken: t, RefreshToken: `${t}x` }, secrets: [t] })),
  opaqueTokenArb.map((t) => ({ value: { headers: { Authorization: `Bearer ${t}` } }, secrets: [t] })),
  jweArb.map((j) => ({ value: { RefreshToken: j.token }, secrets: j.secrets })),
  fc.tuple(fc.string(), jwtArb).map(([key, j]) => ({ value: { [key]: j.token }, secrets: [j.signature] })),
  fc.tuple(fc.string(), sessionTokenArb).map(([key, t]) => ({ value: { [key]: t }, secrets: [t] })),
  fc.tuple(fc.string(), secretKeyArb).map(([key, k]) => ({ value: { [key]: k }, secrets: [k] })),
  fc.tuple(fc.string(), apiKeyArb).map(([key, k]) => ({ value: { [key]: k }, secrets: [k] })),
  fc.tuple(fc.string(), hexSignatureArb).map(([key, s]) => ({ value: { [key]: `https://h/?X-Amz-Signature=${s}` }, secrets: [s] })),
);

type Step = { key: string } | { index: number };
function nest(value: unknown, path: Step[], fillers: Record<string, unknown>[]): unknown {
  return path.reduceRight<unknown>((inner, step, i) => {
    const around = fillers[i % Math.max(fillers.length, 1)] ?? {};
    if ("key" in step) return { ...around, [step.key]: inner };
    const list = Object.values(around);
    list.splice(step.index % (list.length + 1), 0, inner);
    return list;
  }, value);
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allStrings(v, out);
    }
  }
  return out;
}

describe("redactJson", () => {
  const step: fc.Arbitrary<Step> = fc.oneof(fc.string({ maxLength: 12 }).map((key) => ({ key })), fc.nat(5).map((index) => ({ index })));
  const fillers = fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { maxLength: 3 });

  it("removes a planted secret at any depth of arbitrary JSON", () => {
    fc.assert(
      fc.property(jsonPlanting, fc.array(step, { maxLength: 4 }), fillers, (planted, path, around) => {
        const document = nest(planted.value, path, around);
        const output = redactJson(document);
        const context = JSON.stringify(nest({}, path, around));
        const strings = allStrings(output).join("\n");
        assertNoLeak(strings, planted.secrets, context);
        assertNoLeak(JSON.stringify(output), planted.secrets, context);
      }),
      RUNS,
    );
  });

  it("leaves JSON without secrets unchanged in structure", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const output = redactJson(value);
        expect(typeof output).toBe(typeof value);
        expect(Array.isArray(output)).toBe(Array.isArray(value));
      }),
    );
  });
});

const headerNameCase = (name: string) =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((ups) =>
    [...name].map((c, i) => (ups[i] ? c.toUpperCase() : c)).join(""),
  );
const headerValue = fc.string({ minLength: 8, maxLength: 60 }).filter((v) => v.trim().length >= 8 && !/[\r\n]/.test(v));

const plantedHeader: fc.Arbitrary<{ name: string; value: string; secrets: string[] }> = fc.oneof(
  fc.tuple(headerNameCase("authorization"), jwtArb).map(([name, j]) => ({ name, value: `Bearer ${j.token}`, secrets: [j.signature] })),
  fc.tuple(headerNameCase("authorization"), jwtArb).map(([name, j]) => ({ name, value: j.token, secrets: [j.signature] })),
  fc.tuple(headerNameCase("authorization"), headerValue).map(([name, v]) => ({ name, value: v, secrets: [v.trim()] })),
  fc.tuple(headerNameCase("authorization"), hexSignatureArb).map(([name, s]) => ({
    name,
    value: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${s}`,
    secrets: [s, "AKIAIOSFODNN7EXAMPLE"],
  })),
  fc.tuple(headerNameCase("x-api-key"), fc.oneof(apiKeyArb, headerValue)).map(([name, v]) => ({ name, value: v, secrets: [v.trim()] })),
  fc.tuple(headerNameCase("x-amz-security-token"), fc.oneof(sessionTokenArb, headerValue)).map(([name, v]) => ({ name, value: v, secrets: [v.trim()] })),
  fc.tuple(headerNameCase("cookie"), headerValue).map(([name, v]) => ({ name, value: v, secrets: [v.trim()] })),
  fc.tuple(headerNameCase("sec-websocket-protocol"), apiKeyArb).map(([name, k]) => ({
    name,
    value: `graphql-ws, ${encodeRealtimeHeader({ host: "h", "x-api-key": k })}`,
    secrets: [k],
  })),
  fc.tuple(headerNameCase("sec-websocket-protocol"), jwtArb).map(([name, j]) => ({
    name,
    value: `${encodeBearerSubprotocol(j.token)}, base64UrlBearerAuthorization`,
    secrets: [j.signature],
  })),
  fc.tuple(fc.stringMatching(/^x-[a-z-]{1,12}$/), jwtArb).map(([name, j]) => ({ name, value: j.token, secrets: [j.signature] })),
);

describe("redactHeaders", () => {
  it("removes a planted secret header among arbitrary ones", () => {
    const others = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), fc.string({ maxLength: 40 }), { maxKeys: 6 });
    fc.assert(
      fc.property(others, plantedHeader, (rest, planted) => {
        const output = redactHeaders({ ...rest, [planted.name]: planted.value });
        const shown = Object.entries(output).map(([k, v]) => `${k}: ${v}`).join("\n");
        assertNoLeak(shown, planted.secrets, JSON.stringify(rest));
        expect(Object.keys(output)).toContain(planted.name);
      }),
      RUNS,
    );
  });
});

describe("redactUrl", () => {
  const param = fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 20 })).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  const secretParam: fc.Arbitrary<{ param: string; secrets: string[] }> = fc.oneof(
    hexSignatureArb.map((s) => ({ param: `X-Amz-Signature=${s}`, secrets: [s] })),
    sessionTokenArb.map((t) => ({ param: `X-Amz-Security-Token=${encodeURIComponent(t)}`, secrets: [t] })),
    opaqueTokenArb.map((t) => ({ param: `X-Amz-Security-Token=${encodeURIComponent(t)}`, secrets: [t] })),
    jwtArb.map((j) => ({ param: `id_token=${j.token}`, secrets: [j.signature] })),
    apiKeyArb.map((k) => ({ param: `header=${encodeLegacyHeader({ host: "h", "x-api-key": k })}`, secrets: [k] })),
    jwtArb.map((j) => ({ param: `header=${encodeLegacyHeader({ host: "h", Authorization: j.token })}`, secrets: [j.signature] })),
  );

  it("removes a planted secret from any position of the query", () => {
    fc.assert(
      fc.property(fc.array(param, { maxLength: 5 }), secretParam, fc.nat(5), (params, planted, at) => {
        const all = [...params];
        all.splice(at % (all.length + 1), 0, planted.param);
        const output = redactUrl(`https://sts.us-east-1.amazonaws.com/path/x?${all.join("&")}`);
        assertNoLeak(output, planted.secrets, params.join("&"));
        expect(output.startsWith("https://sts.us-east-1.amazonaws.com/path/x?")).toBe(true);
      }),
      RUNS,
    );
  });

  it("removes a password in the user-info part", () => {
    fc.assert(
      fc.property(passwordArb, (password) => {
        const output = redactUrl(`https://alice:${encodeURIComponent(password)}@example.com/x`);
        expect(output).toBe(`https://alice:${REDACTED}@example.com/x`);
      }),
    );
  });
});
