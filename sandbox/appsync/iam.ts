import type { RequestContext } from "../http/types";
import { authorizeIamRequest, type IamCaller } from "../iam/authorize";
import type { ApiConfig, AuthResult } from "./caller";

/**
 * AWS_IAM: the request is SigV4-signed for service `appsync`, and the caller's policies must
 * allow `appsync:GraphQL` on every top-level field the operation touches
 * (`arn:aws:appsync:{region}:{account}:apis/{apiId}/types/{Type}/fields/{field}`). Signature and
 * policy are decided by the sandbox's shared IAM module; only the wording is AppSync's.
 */

const fieldArn = (api: ApiConfig, type: string, field: string) =>
  `arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.id}/types/${type}/fields/${field}`;

export type IamContext = Pick<RequestContext, "baseUrl" | "method" | "url" | "headers" | "body">;

function describe(caller: IamCaller): string {
  const identity = caller.identityId ? `, Cognito identity ${caller.identityId}` : "";
  return `AWS_IAM: ${caller.assumedRoleArn}${identity}`;
}

/**
 * Every top-level field must be allowed; one refusal refuses the whole request (our reading:
 * the public reports show single-field operations). `fields` empty means "authenticate only"
 * (the realtime connect handshake; AppSync authorizes each subscription at `start`): a policy
 * refusal then still proves the signature.
 */
export async function authorizeIam(api: ApiConfig, ctx: IamContext, fields: readonly { type: string; field: string }[]): Promise<AuthResult> {
  const targets = fields.length > 0 ? fields.map((f) => fieldArn(api, f.type, f.field)) : [`arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.id}`];
  let caller: IamCaller | undefined;
  for (const resource of targets) {
    const result = await authorizeIamRequest(ctx as RequestContext, {
      service: "appsync",
      region: api.region,
      action: "appsync:GraphQL",
      resource,
      family: "appsync",
    });
    if (result.ok) {
      caller = result.caller;
      continue;
    }
    if (result.stage === "policy" && fields.length === 0) continue;
    // Already AppSync's wording (family "appsync"): a policy refusal is 401 UnauthorizedException
    // "Permission denied" (amplify-cli #6595 / #4343, amplify-category-api #1087, and seed 001's
    // RequestSummary statusCode 401); signature problems as lib/sigv4's AppSync column maps them.
    return { ok: false, failure: { status: result.status, errorType: result.errorType, message: result.message } };
  }
  const owner = caller?.identityId ?? caller?.assumedRoleArn ?? null;
  return { ok: true, caller: { mode: "AWS_IAM", owner, groups: [], detail: caller ? describe(caller) : "AWS_IAM" } };
}
