import { evaluatePolicies } from "../../lib/iam";
import { awsErrorFor, verifySignature } from "../sigv4";
import { AwsError } from "../http/aws-json";
import type { RequestContext } from "../http/types";
import { authorizeIamRequest, flatHeaders } from "../iam/authorize";
import type { Scenario } from "../scenario";
import { LOOKUP_EVENTS_ONLY, type CloudTrailReader } from "./scenario";

/**
 * Who may call the sandbox's LookupEvents, and as which account:
 *  - a scenario's documented `cloudTrailReaders` (long-term keys of a support engineer), whose
 *    own policies must allow cloudtrail:LookupEvents — the account is the scenario's;
 *  - any credentials the sandbox issued (identity pools, STS), through authorizeIamRequest: the
 *    role's policies decide, so an app role without cloudtrail:LookupEvents is refused as in AWS.
 * Either way the SigV4 signature is verified for real (lib/sigv4), scoped to `cloudtrail`.
 */

interface LookupCaller {
  accountId: string;
  region: string;
}

interface ReaderRecord {
  reader: CloudTrailReader;
  accountId: string;
}

const ACTION = "cloudtrail:LookupEvents";

export function readerIndex(scenarios: readonly Scenario[]): Map<string, ReaderRecord> {
  const index = new Map<string, ReaderRecord>();
  for (const scenario of scenarios) {
    for (const reader of scenario.cloudTrailReaders) {
      const previous = index.get(reader.accessKeyId);
      if (previous) {
        throw new Error(`CloudTrail reader key ${reader.accessKeyId} is defined twice (accounts ${previous.accountId} and ${scenario.accountId}); keys must be distinct`);
      }
      index.set(reader.accessKeyId, { reader, accountId: scenario.accountId });
    }
  }
  return index;
}

/** `Credential=AKID/20250224/ap-northeast-1/cloudtrail/aws4_request`: the key and the region. */
function credentialScope(ctx: RequestContext): { accessKeyId?: string; region: string } {
  const header = ctx.headers["authorization"];
  const match = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\//.exec(Array.isArray(header) ? header[0] ?? "" : header ?? "");
  // Without a scope the signature check below refuses the request; the region is then moot.
  return match ? { accessKeyId: match[1], region: match[2]! } : { region: "us-east-1" };
}

async function authorizeReader(ctx: RequestContext, record: ReaderRecord, region: string, now: number): Promise<LookupCaller> {
  const verified = await verifySignature(
    { method: ctx.method, url: ctx.url.href, headers: flatHeaders(ctx.headers), body: ctx.body },
    {
      lookupCredentials: (id) => (id === record.reader.accessKeyId ? { secretAccessKey: record.reader.secretAccessKey } : undefined),
      now: new Date(now),
      expectedService: "cloudtrail",
      expectedRegion: region,
    },
  );
  if (!verified.ok) {
    const wire = awsErrorFor(verified, "json");
    throw new AwsError(wire.errorType, wire.message, wire.status);
  }
  const evaluation = evaluatePolicies({ policies: [...(record.reader.policies ?? [LOOKUP_EVENTS_ONLY])], action: ACTION, resource: "*" });
  if (evaluation.decision !== "Allow") {
    // "User: arn:aws:iam::xxxxx:user/test is not authorized to perform: cloudtrail:LookupEvents because
    // no identity-based policy allows the cloudtrail:LookupEvents action" (al0ne/cloud-audit:README.md);
    // the explicit-deny form: "… with an explicit deny in an identity-based policy" (public AWS lab capture).
    const user = `arn:aws:iam::${record.accountId}:user/${record.reader.name}`;
    const why = evaluation.decision === "ExplicitDeny" ? "with an explicit deny in an identity-based policy" : `because no identity-based policy allows the ${ACTION} action`;
    throw new AwsError("AccessDeniedException", `User: ${user} is not authorized to perform: ${ACTION} ${why}`);
  }
  return { accountId: record.accountId, region };
}

export async function authorizeLookup(ctx: RequestContext, readers: Map<string, ReaderRecord>, now: number): Promise<LookupCaller> {
  const { accessKeyId, region } = credentialScope(ctx);
  const reader = accessKeyId ? readers.get(accessKeyId) : undefined;
  if (reader) return authorizeReader(ctx, reader, region, now);
  // LookupEvents has no resource-level permissions: the denial names no resource (see authorizeIamRequest).
  const result = await authorizeIamRequest(ctx, { service: "cloudtrail", region, action: ACTION, resource: "*", family: "json", noResourceInMessage: true });
  if (!result.ok) throw new AwsError(result.errorType, result.message, result.status);
  return { accountId: result.caller.accountId, region };
}
