import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNdjson } from "../../lib/cloudtrail/lookup/messages";
import type { AthenaMessage } from "../../lib/cloudtrail/athena/request-schema";
import { athenaRow, headerRow } from "../../lib/cloudtrail/athena/test-support";
import { SEED_001, seed001Record } from "../../lib/cloudtrail/test-support/seed-001";
import { createRateLimiter } from "../net/rate-limit";
import { setLogSink } from "../security/log";
import { handleAthenaRequest, type AthenaDeps } from "./athena-request";
import { guardedJwksCache } from "./server-mode";

/**
 * POST /api/cloudtrail/athena. The official Athena client talks to a loopback stand-in that
 * answers the three operations in AWS JSON 1.1 as the Athena API reference shapes them (the
 * sandbox's own Athena is exercised by e2e/cloudtrail-athena.spec.ts).
 */

let fake: Server;
let origin = "";
const seen: { target: string; body: Record<string, unknown>; authorization: string }[] = [];
let failNext: string | null = null;

beforeAll(async () => {
  fake = createServer((req, res) => {
    let text = "";
    req.on("data", (d: Buffer) => (text += d.toString()));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      seen.push({ target, body: JSON.parse(text || "{}") as Record<string, unknown>, authorization: String(req.headers["authorization"] ?? "") });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(json));
      };
      if (target === "AmazonAthena.StartQueryExecution") {
        if (failNext) return send(400, { __type: "InvalidRequestException", Message: failNext, AthenaErrorCode: "INVALID_INPUT" });
        return send(200, { QueryExecutionId: "11111111-2222-3333-4444-555555555555" });
      }
      if (target === "AmazonAthena.GetQueryExecution") return send(200, { QueryExecution: { QueryExecutionId: "11111111-2222-3333-4444-555555555555", Status: { State: "SUCCEEDED" }, Statistics: { DataScannedInBytes: 2048 } } });
      if (target === "AmazonAthena.GetQueryResults") return send(200, { ResultSet: { Rows: [headerRow(), athenaRow(seed001Record())] } });
      send(400, { __type: "UnknownOperationException" });
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

const deps = (): AthenaDeps => ({ env: { AUTH_DEBUGGER_SANDBOX_URL: origin }, jwks: guardedJwksCache([origin]), rateLimiter: createRateLimiter({ capacity: 100 }), pollMs: 5 });
const KEYS = { accessKeyId: "AKIAEXAMPLEATHENA001", secretAccessKey: "athenaRouteSecretEXAMPLEnotReal0001" };
const body = (extra: Record<string, unknown> = {}) => ({
  region: "ap-northeast-1",
  endpoint: `${origin}/athena`,
  database: "default",
  table: "cloudtrail_logs",
  failures: [{ at: "2025-02-24T14:15:40Z", identityId: SEED_001.identityId, accessKeyId: SEED_001.accessKeyId }],
  credentials: { mode: "pasted", ...KEYS },
  ...extra,
});
const request = (json: unknown, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/cloudtrail/athena", { method: "POST", body: JSON.stringify(json), headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers } });
async function messagesOf(response: Response): Promise<AthenaMessage[]> {
  const out: AthenaMessage[] = [];
  await readNdjson(response.body!, (m) => out.push(m as unknown as AthenaMessage));
  return out;
}

describe("POST /api/cloudtrail/athena", () => {
  it("builds the query itself, runs it with the pasted keys, and streams progress, records and the data scanned", async () => {
    const lines: string[] = [];
    const restore = setLogSink({ write: (line) => void lines.push(line) });
    const response = await handleAthenaRequest(request(body({ workgroup: "primary", outputLocation: "s3://results-bucket/q/" })), deps());
    const messages = await messagesOf(response);
    restore();
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    expect(messages.map((m) => m.type)).toEqual(["start", "started", "progress", "rows", "done"]);
    const start = messages[0] as Extract<AthenaMessage, { type: "start" }>;
    expect(start.sql).toContain(`useridentity.username = '${SEED_001.identityId}'`);
    const rows = messages.find((m) => m.type === "rows") as Extract<AthenaMessage, { type: "rows" }>;
    expect(rows.records[0]!["eventName"]).toBe("AssumeRoleWithWebIdentity");
    expect(messages.at(-1)).toMatchObject({ type: "done", dataScannedBytes: 2048, rows: 1 });
    const startCall = seen.find((s) => s.target === "AmazonAthena.StartQueryExecution")!;
    expect(startCall.body).toMatchObject({ QueryString: start.sql, QueryExecutionContext: { Database: "default" }, WorkGroup: "primary", ResultConfiguration: { OutputLocation: "s3://results-bucket/q/" } });
    expect(startCall.authorization).toContain(`Credential=${KEYS.accessKeyId}/`);
    // One audit line per use, and nothing secret in it.
    const audit = lines.filter((l) => l.includes("cloudtrail.athena-query"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain('"table":"cloudtrail_logs"');
    for (const secret of [KEYS.accessKeyId, KEYS.secretAccessKey, SEED_001.identityId]) expect(audit[0]).not.toContain(secret);
  });

  it("streams Athena's refusal as one readable error, without the keys", async () => {
    failNext = `Database default does not exist (${KEYS.secretAccessKey})`;
    const messages = await messagesOf(await handleAthenaRequest(request(body()), deps()));
    failNext = null;
    const error = messages.at(-1) as Extract<AthenaMessage, { type: "error" }>;
    expect(error).toMatchObject({ type: "error", code: "upstream:cloudtrail:athena", awsError: "InvalidRequestException" });
    expect(error.message).toContain("Athena refused: InvalidRequestException (INVALID_INPUT): Database default does not exist");
    expect(error.message).not.toContain(KEYS.secretAccessKey);
  });

  it("never sends SQL it was given, and refuses ids that are not AWS's shape", async () => {
    const withSql = await handleAthenaRequest(request({ ...body(), sql: "SELECT * FROM secrets" }), deps());
    expect(withSql.status).toBe(400);
    const injected = await handleAthenaRequest(request(body({ failures: [{ at: "2025-02-24T14:15:40Z", identityId: "x' OR '1'='1" }] })), deps());
    expect(injected.status).toBe(400);
    expect(((await injected.json()) as { message: string }).message).toContain("failures.0.identityId: must look like us-east-1:0c8b1f5e-…");
  });

  it("talks only to AWS's regional Athena endpoint or the configured sandbox", async () => {
    for (const endpoint of ["http://169.254.169.254/latest", "https://athena.us-east-1.amazonaws.com.evil.example", "https://athena.us-east-1.amazonaws.com"]) {
      const response = await handleAthenaRequest(request(body({ endpoint })), deps());
      expect(response.status).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe("forbidden:cloudtrail:athena-endpoint");
    }
  });

  it("refuses cross-origin posts, and the server's or the sandbox's keys without their gates", async () => {
    const cross = await handleAthenaRequest(request(body(), { "sec-fetch-site": "cross-site" }), deps());
    expect(cross.status).toBe(403);
    const server = await handleAthenaRequest(request(body({ credentials: { mode: "server" } })), deps());
    expect(((await server.json()) as { code: string }).code).toBe("forbidden:cloudtrail:server-mode-off");
    const reader = await handleAthenaRequest(request(body({ endpoint: undefined, credentials: { mode: "sandbox" } })), deps());
    expect(((await reader.json()) as { code: string }).code).toBe("forbidden:cloudtrail:sandbox-reader-off");
    const unsigned = await handleAthenaRequest(request(body({ credentials: { mode: "sandbox" } })), deps());
    expect(unsigned.status).toBe(401);
  });
});
