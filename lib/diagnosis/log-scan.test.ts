import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { diagnose } from "./engine";
import { LOG_LIMIT_BYTES, scanLog } from "./log-scan";
import { sampleLog, SAMPLE_JWT_SIGNATURE, SAMPLE_SECRET_KEY } from "./test-support/log-sample";

const sample = sampleLog({ bytes: 256 * 1024, failures: 18, seed: 7 });
const result = scanLog(sample.text);

describe("scanLog on a log with failures of several kinds", () => {
  // The engine decides which rule each planted entry fits; the scan must agree, entry by entry.
  const expected = new Map<string, number[]>();
  const unknown = new Map<string, number[]>();
  for (const p of sample.planted) {
    const id = diagnose(p.entry)[0]?.id;
    const into = id ? expected : unknown;
    const key = id ?? p.kind;
    into.set(key, [...(into.get(key) ?? []), p.line]);
  }

  it("lists each known failure once, with every line it was written on", () => {
    expect(expected.size).toBeGreaterThanOrEqual(4);
    expect(result.known.map((k) => k.id).sort()).toEqual([...expected.keys()].sort());
    for (const group of result.known) {
      const lines = expected.get(group.id)!;
      expect(group).toMatchObject({ count: lines.length, lines, firstLine: lines[0], lastLine: lines.at(-1), link: `/diagnose#${group.id}` });
    }
  });

  it("reports the line that holds the failure, not the record line or a frame above it", () => {
    const python = sample.planted.find((p) => p.kind === "no-credentials-python")!;
    const group = result.known.find((k) => k.lines.includes(python.line))!;
    expect(group.excerpt).toMatch(/^botocore\.exceptions\.NoCredentialsError: Unable to locate credentials/);
  });

  it("lists failures no rule fits as not recognised, grouped by message with ids and numbers stripped", () => {
    const dynamo = result.unrecognised.find((u) => u.message.startsWith("ConditionalCheckFailedException"))!;
    expect(dynamo.message).toBe("ConditionalCheckFailedException: The conditional request failed (Request ID: <id>)");
    expect(dynamo.lines).toEqual(unknown.get("dynamodb-conditional"));
    // The benign noise that carries failure words is counted too, never dropped.
    const noise = result.unrecognised.filter((u) => u !== dynamo).reduce((t, u) => t + u.count, 0);
    expect(noise).toBe(sample.noiseFailures);
    expect(result.unrecognised.map((u) => u.message)).toEqual(expect.arrayContaining(["Error: socket hang up", "GET /internal/health 403 <n>ms (probe without credentials)"]));
  });

  it("orders groups by first appearance and counts the log's lines", () => {
    expect(result.known.map((k) => k.firstLine)).toEqual([...result.known.map((k) => k.firstLine)].sort((a, b) => a - b));
    expect(result.lines).toBe(sample.text.split("\n").length - 1);
    expect(result.examined).toBeLessThan(result.entries);
  });

  it("never quotes a token's signature or a secret key", () => {
    const json = JSON.stringify(result);
    expect(json).not.toContain(SAMPLE_JWT_SIGNATURE);
    expect(json).not.toContain(SAMPLE_SECRET_KEY);
    expect(result.known.find((k) => k.id === "cognito-client-id-mismatch")?.excerpt).toContain("Bearer");
  });
});

describe("scanLog on small logs", () => {
  it("tells 401 from 403 and keeps secrets out of a not-recognised message", () => {
    const log = [
      `2025-02-24T14:15:12Z WARN GET /admin 401 3ms token=${"x".repeat(4)} password=hunter2-secret`,
      `2025-02-24T14:15:13Z WARN GET /admin 401 9ms token=${"y".repeat(4)} password=other-secret`,
      "2025-02-24T14:15:14Z WARN GET /admin 403 4ms",
    ].join("\n");
    const { unrecognised } = scanLog(log);
    expect(unrecognised.map((u) => [u.count, u.lines])).toEqual([[2, [1, 2]], [1, [3]]]);
    expect(JSON.stringify(unrecognised)).not.toMatch(/hunter2|other-secret/);
  });

  it("groups repeats whatever their request ids, even ids redaction would take a piece of", () => {
    // "…-ada2-…" inside a UUID looks like the start of an AppSync API key (da2-…) to redaction.
    const log = ["3c2a0546-b177-43b3-af2e-ac5526da3a95", "b8c43596-4cbd-41f7-ada2-3f0c1d9effec", "0e6f1a2b-1111-4222-8333-944455556666"]
      .map((id, i) => `2025-02-24T14:15:1${i}Z ERROR ${id} Unauthorized: session ${id} rejected after ${i * 7} ms`)
      .join("\n");
    expect(scanLog(log).unrecognised.map((u) => [u.message, u.lines])).toEqual([["Unauthorized: session <id> rejected after <n> ms", [1, 2, 3]]]);
  });

  it("finds a failure in the last entry and in a log of one line", () => {
    expect(scanLog("botocore.exceptions.NoCredentialsError: Unable to locate credentials").known.map((k) => [k.id, k.lines])).toEqual([["credentials-missing", [1]]]);
    expect(scanLog("").known).toEqual([]);
  });

  it("reports progress while diagnosing", () => {
    const seen: number[] = [];
    scanLog(sample.text, { onProgress: (p) => seen.push(p.examined) });
    expect(seen[0]).toBe(0);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe("the 10 MB limit", () => {
  it("refuses a bigger log with a message naming its size", () => {
    const error = (() => {
      try {
        scanLog("a".repeat(LOG_LIMIT_BYTES + 200_000));
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe("too-large:diagnose-log");
    expect(error?.message).toMatch(/^This log is 10\.2 MB \(10,685,760 bytes\); logs up to 10 MB/);
  });

  it("counts bytes, not characters", () => {
    expect(() => scanLog("é".repeat(LOG_LIMIT_BYTES / 2 + 1))).toThrow(/10\.0 MB/);
    expect(() => scanLog("é".repeat(LOG_LIMIT_BYTES / 2))).not.toThrow();
  });

  // Its speed is measured by npm run bench:diagnose-log, not here: a shared machine's timing proves nothing.
  it("accounts for every entry of a log whose every line is a different failure", () => {
    const lines = Array.from({ length: 9000 }, (_, i) => `2025-02-24T14:15:12Z ERROR req-${i} Unauthorized Not Authorized to access x${i} on type y bearer token has expired region Exception`);
    const r = scanLog(lines.join("\n"));
    expect(r.entries).toBe(9000);
    expect(r.known.length + r.unrecognised.length).toBeGreaterThan(0);
    expect([...r.known, ...r.unrecognised].reduce((t, g) => t + g.count, 0)).toBe(r.entries);
  });
});
