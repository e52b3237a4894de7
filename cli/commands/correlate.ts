import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { correlate, relevantTo } from "../../lib/cloudtrail/correlate";
import { isTrailFileError } from "../../lib/cloudtrail/errors";
import { parseTrailStream } from "../../lib/cloudtrail/parse-stream";
import { renderFileSummary, renderVerdicts, verdictsToJson } from "../../lib/cloudtrail/render";
import type { FailedCall, TrailEvent } from "../../lib/cloudtrail/types";
import { fileStream } from "../file-stream";
import { EXIT, UsageError } from "../io";
import type { Command } from "./command";
import { ATHENA_OPTIONS, ATHENA_USAGE, correlateWithAthena, wantsAthena } from "./correlate-athena";

const usage = `Usage: auth-flow-debugger correlate (--events FILE | --athena …) --at ISO_TIME [--identity-id ID]
         [--identity-pool-id ID] [--access-key-id AKID] [--role-arn ARN]
         [--action ACTION --resource ARN] [--window-minutes N] [--region REGION] [--json]

Was the identity pool's role assumed for a failed call? Reads CloudTrail events from FILE — a
trail log file ({"Records":[…]}, .json or .json.gz), the console's JSON download, or the output
of \`aws cloudtrail lookup-events\` ({"Events":[…]}) — and gives a verdict:
  assumed             the expected role was assumed: the denial is in its permissions policy
  assumed-other-role  the identity got another role (role mapping, guest role …)
  refused             STS refused the role (trust policy, token, pool configuration)
  absent              no matching AssumeRoleWithWebIdentity event (and what that can mean)

  --at TIME           when the call failed (ISO 8601)
  --identity-id, --identity-pool-id, --access-key-id, --role-arn   what the call used
  --action, --resource  the IAM action and resource the call needed (named in the verdict)
  --window-minutes N  look N minutes before the call (default 15)
  --region REGION     the Region the events were looked up in (for the wrong-Region hint)
  --json              {"verdicts":[{"verdict","events","explanation",…}],"file":{…}}

GetId and GetCredentialsForIdentity are data events: LookupEvents and the console's event
history never contain them.
${ATHENA_USAGE}
Exit codes: 0 verdicts given, 2 bad flags or an unreadable file (the reason on stderr), 3 Athena
refused or failed the query.
`;

async function readEvents(file: string, keep: (event: TrailEvent) => boolean) {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new UsageError(`--events ${file}: no such file.`);
  }
  try {
    return await parseTrailStream(fileStream(file), { totalBytes: size, keep });
  } catch (error) {
    if (isTrailFileError(error)) throw new UsageError(`--events ${file}: ${error.message}`);
    throw error;
  }
}

export const correlateCommand: Command = {
  name: "correlate",
  summary: "tell from CloudTrail whether the role was assumed for a failed call",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        events: { type: "string" },
        at: { type: "string" },
        "identity-id": { type: "string" },
        "identity-pool-id": { type: "string" },
        "access-key-id": { type: "string" },
        "role-arn": { type: "string" },
        action: { type: "string" },
        resource: { type: "string" },
        "window-minutes": { type: "string" },
        region: { type: "string" },
        json: { type: "boolean" },
        ...ATHENA_OPTIONS,
      },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const athena = wantsAthena(values);
    if (athena && values.events) throw new UsageError("Give --events FILE or --athena, not both.");
    if (athena && values["create-table"]) return correlateWithAthena(values, { at: "" }, 15, io);
    if (!values.events && !athena) throw new UsageError("--events FILE is required.");
    if (!values.at || !Number.isFinite(Date.parse(values.at))) throw new UsageError("--at wants the ISO time of the failed call, e.g. 2025-02-24T14:15:40Z.");
    const windowMinutes = values["window-minutes"] === undefined ? 15 : Number(values["window-minutes"]);
    if (!Number.isFinite(windowMinutes) || windowMinutes <= 0 || windowMinutes > 90 * 24 * 60) throw new UsageError("--window-minutes wants a positive number of minutes.");

    const failure: FailedCall = { at: new Date(Date.parse(values.at)).toISOString() };
    if (values["identity-id"]) failure.identityId = values["identity-id"];
    if (values["identity-pool-id"]) failure.identityPoolId = values["identity-pool-id"];
    if (values["access-key-id"]) failure.accessKeyId = values["access-key-id"];
    if (values["role-arn"]) failure.expectedRoleArn = values["role-arn"];
    if (values.action) failure.action = values.action;
    if (values.resource) failure.resource = values.resource;

    if (athena || !values.events) return correlateWithAthena(values, failure, windowMinutes, io);

    // Only events that can bear on this call are kept: a huge file stays small in memory.
    const file = await readEvents(values.events, relevantTo([failure], { windowBeforeMs: windowMinutes * 60_000 }));
    const verdicts = correlate([failure], file.events, {
      now: io.now(),
      windowBeforeMs: windowMinutes * 60_000,
      ...(values.region ? { region: values.region } : {}),
      ...(file.coverage ? { coverage: file.coverage } : {}),
    });
    if (values.json) io.stdout(`${JSON.stringify(verdictsToJson(verdicts, file), null, 2)}\n`);
    else io.stdout(renderFileSummary(file) + renderVerdicts(verdicts));
    if (file.malformed.count > 0 || file.truncated) io.stderr(`Warning: ${file.malformed.count} malformed record(s)${file.truncated ? "; the file is truncated" : ""}.\n`);
    return EXIT.pass;
  },
};
