/**
 * Logs shaped like the ones support engineers are sent: timestamped INFO lines, JSON request
 * summaries (one-line and pretty-printed), Lambda START/END/REPORT lines, retried calls with a
 * Node stack trace, and a few dozen real failures of several kinds spread through it — single
 * lines, a Node stack trace, a Python traceback, a multi-line JSON body. Every failure's line is
 * recorded, so a test can check what a scan reports against where the failures really are.
 */

export interface PlantedFailure {
  /** Which kind: a label for tests, not a rule id (the engine decides those). */
  readonly kind: string;
  /** The whole entry as written, for asking the engine what it makes of it. */
  readonly entry: string;
  /** 1-based line holding the failure's message (where a reader would look). */
  readonly line: number;
}

export interface SampleLog {
  readonly text: string;
  readonly planted: readonly PlantedFailure[];
  /** Lines of benign noise that carry a failure word (retries, 403s of a health check). */
  readonly noiseFailures: number;
}

/** A signed-looking JWT; its signature must never reach a report. */
export const SAMPLE_JWT_SIGNATURE = "c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1sZWFr";
export const SAMPLE_JWT = `eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1c2VyLTEiLCJ0b2tlbl91c2UiOiJpZCJ9.${SAMPLE_JWT_SIGNATURE}`;
export const SAMPLE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
const uuid = (r: () => number) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;

/** A failure: its lines, and which of them (0-based) holds the message. */
type Failure = (time: string, id: string) => { kind: string; lines: string[]; at: number };

const FAILURES: readonly Failure[] = [
  (t, id) => ({ kind: "client-id", at: 0, lines: [`${t} ERROR ${id} GraphQL: Claim 'client_id' value mismatch with configuration. (Authorization: Bearer ${SAMPLE_JWT})`] }),
  (t, id) => ({
    kind: "token-expired-node",
    at: 1,
    lines: [
      `${t} ERROR ${id} Sign-in refresh failed`,
      "NotAuthorizedException: Invalid login token. Token expired: 1667365798 >= 1667235770",
      "    at de_NotAuthorizedExceptionRes (/var/task/node_modules/@aws-sdk/client-cognito-identity/dist-cjs/index.js:1023:21)",
      "    at async /var/task/node_modules/@smithy/middleware-serde/dist-cjs/index.js:35:20",
      "    at async getCredentialsForIdentity (/var/task/src/auth.js:88:12)",
    ],
  }),
  (t, id) => ({
    kind: "no-credentials-python",
    at: 8,
    lines: [
      `${t} ERROR ${id} Unhandled exception in handler`,
      "Traceback (most recent call last):",
      '  File "/var/task/app.py", line 41, in handler',
      "    buckets = s3.list_buckets()",
      '  File "/var/runtime/botocore/client.py", line 565, in _api_call',
      "    return self._make_api_call(operation_name, kwargs)",
      '  File "/var/runtime/botocore/auth.py", line 418, in add_auth',
      "    raise NoCredentialsError()",
      "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
    ],
  }),
  (t, id) => ({
    kind: "identity-pool-json",
    at: 5,
    lines: [
      `${t} ERROR ${id} GetId answered 400:`,
      "{",
      '  "__type": "NotAuthorizedException",',
      `  "requestId": "${id}",`,
      '  "debug": { "aws_secret_access_key": "' + SAMPLE_SECRET_KEY + '" },',
      '  "message": "Token is not from a supported provider of this identity pool."',
      "}",
    ],
  }),
  (t, id) => ({ kind: "clock-skew", at: 0, lines: [`${t} ERROR ${id} Error: Signature expired: 20250224T141512Z is now earlier than 20250224T142012Z (20250224T141512Z + 5 min.)`] }),
  (t, id) => ({ kind: "dynamodb-conditional", at: 0, lines: [`${t} ERROR ${id} ConditionalCheckFailedException: The conditional request failed (Request ID: ${id.replace(/-/g, "").toUpperCase()})`] }),
];

/** Noise blocks; those that carry a failure word are counted in SampleLog.noiseFailures. */
function noise(r: () => number, t: string, i: number): { lines: string[]; failing: boolean } {
  const id = uuid(r);
  const pick = r();
  if (pick < 0.4) return { lines: [`${t} INFO ${id} GET /api/notes?page=${i % 40} 200 ${Math.floor(r() * 90)}ms region=us-east-1`], failing: false };
  if (pick < 0.65) return { lines: [`${t} INFO ${id} {"logType":"RequestSummary","requestId":"${id}","statusCode":200,"latency":${Math.floor(r() * 900)},"identity":"us-east-1:${uuid(r)}"}`], failing: false };
  if (pick < 0.75) return { lines: [`${t} DEBUG ${id} token refreshed for user-${i}; access token expires in 3600 s; bearer header set`], failing: false };
  if (pick < 0.85) {
    return {
      lines: [`START RequestId: ${id} Version: $LATEST`, `END RequestId: ${id}`, `REPORT RequestId: ${id}\tDuration: ${(r() * 300).toFixed(2)} ms\tBilled Duration: ${Math.ceil(r() * 300)} ms\tMemory Size: 512 MB\tMax Memory Used: ${80 + Math.floor(r() * 40)} MB`],
      failing: false,
    };
  }
  if (pick < 0.95) {
    return {
      lines: [`${t} INFO ${id} Response summary:`, "{", `  "statusCode": 200,`, `  "requestId": "${id}",`, `  "items": ${Math.floor(r() * 50)}`, "}"],
      failing: false,
    };
  }
  if (pick < 0.98) {
    return {
      lines: [
        `${t} WARN ${id} Retrying GetItem (attempt ${1 + (i % 3)})`,
        "Error: socket hang up",
        "    at TLSSocket.socketOnEnd (node:_http_client:524:23)",
        "    at TLSSocket.emit (node:events:530:35)",
      ],
      failing: true,
    };
  }
  return { lines: [`${t} INFO ${id} GET /internal/health 403 ${Math.floor(r() * 9)}ms (probe without credentials)`], failing: true };
}

/** About `bytes` of log with `failures` failures (cycling through the kinds) spread evenly. */
export function sampleLog({ bytes, failures = 36, seed = 1 }: { bytes: number; failures?: number; seed?: number }): SampleLog {
  const r = rng(seed);
  const out: string[] = [];
  const planted: PlantedFailure[] = [];
  let size = 0;
  let noiseFailures = 0;
  let next = 0;
  const start = Date.UTC(2025, 1, 24, 14, 0, 0);
  for (let i = 0; size < bytes || next < failures; i++) {
    const t = new Date(start + i * 137).toISOString();
    const due = next < failures && size >= (bytes * (next + 0.5)) / failures;
    const block = due ? FAILURES[next % FAILURES.length]!(t, uuid(r)) : null;
    const lines = block ? block.lines : (() => {
      const n = noise(r, t, i);
      if (n.failing) noiseFailures++;
      return n.lines;
    })();
    if (block) {
      planted.push({ kind: block.kind, entry: block.lines.join("\n"), line: out.length + 1 + block.at });
      next++;
    }
    for (const line of lines) {
      out.push(line);
      size += line.length + 1;
    }
  }
  return { text: `${out.join("\n")}\n`, planted, noiseFailures };
}
