#!/usr/bin/env node
// CloudTrail benchmark: the offline path (a synthetic ~100 MB export parsed as a stream, then
// correlated) and the live path (LookupEvents through the route's code against the sandbox, whose
// 2 requests/s throttle sets the pace, over a 100k-event history).
//
//   node --import tsx --expose-gc scripts/bench-trail.mjs [--mb 100] [--web-only] [--live-events 100000] [--live-window-minutes 60]
//
// `json (page)` keeps every AssumeRoleWithWebIdentity, as the /cloudtrail page does; the other rows
// keep only those that can bear on the call, as the CLI does. --web-only makes every record one.
//
// Targets: 100 MB parsed + correlated in ≤ 3 s with ≤ 300 MB peak RSS. The parse runs in a child
// process of its own so its peak memory is not mixed with the generator's or the sandbox's.
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "100" },
    "live-events": { type: "string", default: "100000" },
    "live-window-minutes": { type: "string", default: "60" },
    "parse-file": { type: "string" },
    "skip-live": { type: "boolean", default: false },
    "keep-all": { type: "boolean", default: false },
    "web-only": { type: "boolean", default: false },
  },
});

const POOL = "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b";
const ROLE = "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role";
const T0 = Date.parse("2025-02-24T00:00:00Z");
const identity = (i) => `ap-northeast-1:00000000-0000-4000-8000-${String(i % 5000).padStart(12, "0")}`;
const mbOf = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** Peak RSS and heap, sampled every 10 ms (and after a GC when --expose-gc is on). */
function memorySampler() {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  return { base, stop: () => (clearInterval(timer), { rss, heap }) };
}

async function parseChild(file) {
  const { parseTrailStream } = await import("../lib/cloudtrail/parse-stream.ts");
  const { correlate, relevantTo } = await import("../lib/cloudtrail/correlate.ts");
  const { fileStream } = await import("../cli/file-stream.ts");
  const failure = { at: new Date(T0 + 4_000_000).toISOString(), identityId: identity(400), identityPoolId: POOL, expectedRoleArn: ROLE };
  const sampler = memorySampler();
  const t0 = performance.now();
  // Read as the CLI reads (and as a browser's File.stream() is read): no more than asked for.
  const stream = fileStream(file);
  // As the CLI does: keep only what can bear on the call (--keep-all keeps every match, as the page does).
  const keep = values["keep-all"] ? undefined : relevantTo([failure]);
  const result = await parseTrailStream(stream, { totalBytes: statSync(file).size, ...(keep ? { keep } : {}) });
  const t1 = performance.now();
  const verdicts = correlate([failure], result.events, { now: Date.now() });
  const t2 = performance.now();
  const peak = sampler.stop();
  console.log(JSON.stringify({ parseMs: t1 - t0, correlateMs: t2 - t1, records: result.records, matches: result.matches, kept: result.events.length, malformed: result.malformed.count, verdict: verdicts[0].verdict, baseRss: sampler.base.rss, peakRss: peak.rss, peakHeap: peak.heap, gc: typeof globalThis.gc === "function" }));
}

async function generate(file, targetBytes) {
  const out = createWriteStream(file);
  let size = 0;
  let i = 0;
  const write = (text) => (size += Buffer.byteLength(text), out.write(text) ? Promise.resolve() : new Promise((r) => out.once("drain", r)));
  const { webIdentityRecord, otherRecord } = await import("../lib/cloudtrail/test-support/records.ts");
  await write('{"Records":[\n');
  while (size < targetBytes) {
    const time = new Date(T0 + i * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    // One record in ten is an AssumeRoleWithWebIdentity, as in a busy app's account.
    const record = values["web-only"] || i % 10 === 0 ? webIdentityRecord({ time, identityId: identity(i / 10), identityPoolId: POOL, roleArn: ROLE, accessKeyId: `ASIA${String(i).padStart(16, "0")}` }) : otherRecord(time, i % 3 ? "GetBucketAcl" : "DescribeInstances");
    await write(`${i ? ",\n" : ""}${JSON.stringify(record, null, 2)}`);
    i++;
  }
  await write("\n]}\n");
  await new Promise((r) => out.end(r));
  return { records: i, bytes: size };
}

function runParse(file, label, keepAll = false) {
  const args = ["--import", "tsx", "--expose-gc", fileURLToPath(import.meta.url), "--parse-file", file, ...(keepAll ? ["--keep-all"] : [])];
  const child = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const m = JSON.parse(child.stdout.trim().split("\n").at(-1));
  const total = m.parseMs + m.correlateMs;
  console.log(`${label.padEnd(12)} ${mbOf(statSync(file).size).padStart(7)} MB  parse ${m.parseMs.toFixed(0)} ms  correlate ${m.correlateMs.toFixed(1)} ms  total ${total.toFixed(0)} ms  ` + `peak RSS ${mbOf(m.peakRss)} MB (start ${mbOf(m.baseRss)})  peak heap ${mbOf(m.peakHeap)} MB  ${m.records} records, ${m.matches} AssumeRoleWithWebIdentity (${m.kept} kept), ${m.malformed} malformed → ${m.verdict}`);
  return { total, peakRss: m.peakRss };
}

async function offline() {
  const dir = mkdtempSync(join(tmpdir(), "bench-trail-"));
  try {
    const file = join(dir, "events.json");
    const t0 = performance.now();
    const gen = await generate(file, Number(values.mb) * 1024 * 1024);
    console.log(`Generated ${gen.records} records, ${mbOf(gen.bytes)} MB in ${(performance.now() - t0).toFixed(0)} ms (${dir})`);
    await pipeline(createReadStream(file), createGzip({ level: 6 }), createWriteStream(`${file}.gz`));
    const plain = runParse(file, "json");
    runParse(`${file}.gz`, "json.gz");
    runParse(file, "json (page)", true);
    const ok = plain.total <= 3000 && plain.peakRss <= 300 * 1024 * 1024;
    console.log(`Offline target (≤ 3 s, ≤ 300 MB peak RSS for 100 MB): ${ok ? "met" : "NOT met"}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function live() {
  const { startSandbox, DEFAULT_SCENARIOS_DIR } = await import("../sandbox/server.ts");
  const { iamStateFor } = await import("../sandbox/iam/state.ts");
  const { READERS, recordWebIdentity } = await import("../sandbox/cloudtrail/test-support.ts");
  const { handleLookupRequest } = await import("../server/cloudtrail/handle-request.ts");
  const { createPacer } = await import("../server/cloudtrail/pacer.ts");
  const { guardedJwksCache } = await import("../server/cloudtrail/server-mode.ts");
  const { readNdjson } = await import("../lib/cloudtrail/lookup/messages.ts");
  const sandbox = await startSandbox({ port: 0, scenariosDir: DEFAULT_SCENARIOS_DIR });
  try {
    const count = Number(values["live-events"]);
    iamStateFor({ baseUrl: sandbox.url }).events.setCapacity(count + 1000);
    const end = Date.now();
    const spacing = (7 * 24 * 3600_000) / count; // a week of history
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      recordWebIdentity(sandbox.url, { time: end - (count - i) * spacing, region: "ap-northeast-1", accountId: READERS.wrongResource.accountId, identityPoolId: POOL, identityId: identity(i), roleArn: ROLE, accessKeyId: `ASIA${String(i).padStart(16, "0")}` });
    }
    console.log(`Sandbox history: ${count} AssumeRoleWithWebIdentity events over 7 days, recorded in ${(performance.now() - t0).toFixed(0)} ms`);
    const minutes = Number(values["live-window-minutes"]);
    const body = {
      region: "ap-northeast-1",
      endpoint: `${sandbox.url}/cloudtrail`,
      startTime: new Date(end - minutes * 60_000).toISOString(),
      endTime: new Date(end).toISOString(),
      maxPages: 200,
      credentials: { mode: "pasted", accessKeyId: READERS.wrongResource.accessKeyId, secretAccessKey: READERS.wrongResource.secretAccessKey },
    };
    const deps = { env: { AUTH_DEBUGGER_SANDBOX_URL: sandbox.url }, pacer: createPacer(), jwks: guardedJwksCache([sandbox.url]) };
    const started = performance.now();
    const response = await handleLookupRequest(new Request("http://127.0.0.1/api/cloudtrail", { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" }, body: JSON.stringify(body) }), deps);
    const sent = [];
    let done;
    let throttled = 0;
    await readNdjson(response.body, (m) => {
      if (m.type === "page") sent.push(m.sentAtMs);
      if (m.type === "throttled") throttled++;
      if (m.type === "done" || m.type === "error") done = m;
    });
    const totalS = (performance.now() - started) / 1000;
    const rate = sent.length > 1 ? (sent.length - 1) / ((sent.at(-1) - sent[0]) / 1000) : NaN;
    console.log(`LookupEvents  window ${minutes} min: ${done?.pages} pages, ${done?.events} events in ${totalS.toFixed(2)} s  → ${(sent.length / totalS).toFixed(2)} pages/s overall, ${rate.toFixed(2)} requests/s between first and last page, ${throttled} throttled (${done?.type})`);
  } finally {
    await sandbox.close();
  }
}

if (values["parse-file"]) {
  await parseChild(values["parse-file"]);
} else {
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  await offline();
  if (!values["skip-live"]) await live();
}
