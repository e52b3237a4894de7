import { parseArgs } from "node:util";
import { WebSocket } from "ws";
import { EVENT_ROW_LABEL, eventTestCalls } from "../../lib/appsync/events/test-calls";
import type { AppSyncCredentials } from "../../lib/appsync/variants";
import { VARIANT_LABEL, type AppSyncVariant } from "../../lib/appsync/variants";
import { appSyncEventApiSchema } from "../../lib/config/environment";
import type { TestCallResult } from "../../lib/test-calls/types";
import type { WebSocketLike } from "../../lib/ws";
import { EXIT, UsageError } from "../io";
import type { Command } from "./command";

const usage = `Usage: auth-flow-debugger events-check --url URL --channel /namespace/path [--region R] [--json]

Tries an AppSync Event API the three ways an app uses it — HTTP publish (POST /event), WebSocket
subscribe and WebSocket publish (aws-appsync-event-ws) — with every credential found in the
environment, and prints what AppSync answered to each: which credential the channel's namespace
takes for publishing and for subscribing. It publishes one small JSON event per publish call.

  --url URL        the API's HTTP endpoint, https://{dns}.appsync-api.{region}.amazonaws.com/event
                   (the sandbox: http://127.0.0.1:4577/appsync-events/{apiId}/event)
  --channel PATH   /namespace/path, no wildcard
  --region R       needed when the URL is not an AppSync host
  --json           one object per call: {row, credential, outcome, status, errorType, message, unconfirmed}

Credentials (each optional, each tried when present): $API_KEY, $ID_TOKEN, $ACCESS_TOKEN, and
$AWS_ACCESS_KEY_ID / $AWS_SECRET_ACCESS_KEY / $AWS_SESSION_TOKEN for IAM (SigV4, service appsync).

Exit codes: 0 every call passed, 1 AppSync refused one (or none could run), 2 bad input.
`;

const createSocket = (url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as WebSocketLike;

export const eventsCheckCommand: Command = {
  name: "events-check",
  summary: "publish and subscribe on an AppSync Event API channel with each credential",
  usage,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { url: { type: "string" }, channel: { type: "string" }, region: { type: "string" }, json: { type: "boolean" } } });
    const region = values.region ?? /\.appsync-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(values.url ?? "")?.[1];
    if (!region) throw new UsageError("--region is required when --url is not an AppSync host");
    const parsed = appSyncEventApiSchema.safeParse({ name: "events-check", url: values.url, region, channel: values.channel, apiKey: io.env?.["API_KEY"] || undefined });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
    const env = io.env ?? {};
    const credentials: AppSyncCredentials = {
      ...(env["ID_TOKEN"] ? { idToken: env["ID_TOKEN"] } : {}),
      ...(env["ACCESS_TOKEN"] ? { accessToken: env["ACCESS_TOKEN"] } : {}),
      ...(env["AWS_ACCESS_KEY_ID"] && env["AWS_SECRET_ACCESS_KEY"]
        ? { aws: { accessKeyId: env["AWS_ACCESS_KEY_ID"], secretAccessKey: env["AWS_SECRET_ACCESS_KEY"], ...(env["AWS_SESSION_TOKEN"] ? { sessionToken: env["AWS_SESSION_TOKEN"] } : {}) } }
        : {}),
    };
    const results: { row: string; credential: string; result: TestCallResult }[] = [];
    for (const call of eventTestCalls({ api: parsed.data, credentials, createSocket })) {
      const result = await call.run({ signal: new AbortController().signal, timeoutMs: 10_000, path: "browser" });
      if (result.outcome !== "not-run") results.push({ row: call.row, credential: call.column, result });
    }
    if (results.length === 0) {
      io.stderr("No credential to try: set API_KEY, ID_TOKEN, ACCESS_TOKEN or the AWS_* variables.\n");
      return EXIT.fail;
    }
    if (values.json) {
      const rows = results.map(({ row, credential, result: r }) => ({ row, credential, outcome: r.outcome, status: r.status ?? null, errorType: r.errorType ?? null, message: r.message ?? r.summary, ...(r.unconfirmed ? { unconfirmed: r.unconfirmed } : {}) }));
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      io.stdout(`${parsed.data.url} · channel ${parsed.data.channel}\n`);
      for (const { row, credential, result: r } of results) {
        const mark = r.outcome === "pass" ? "✓" : "✗";
        const note = r.unconfirmed ? ` (not confirmed from AWS: ${r.unconfirmed})` : "";
        io.stdout(`${mark} ${EVENT_ROW_LABEL[row as keyof typeof EVENT_ROW_LABEL]} · ${VARIANT_LABEL[credential as AppSyncVariant]}: ${r.summary}${note}\n`);
      }
    }
    return results.every(({ result }) => result.outcome === "pass") ? EXIT.pass : EXIT.fail;
  },
};
