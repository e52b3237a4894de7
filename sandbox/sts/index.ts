import type { HttpResult, RequestContext, SandboxService } from "../http/types";
import type { IamState } from "../iam/state";
import { assumeRoleWithWebIdentityOp, getCallerIdentityOp } from "./operations";
import { StsError, stsErrorResponse, stsJsonResponse, stsResponse, type XmlNode } from "./xml";

/**
 * AWS STS (query protocol, `Action=…&Version=2011-06-15`), served at /sts — the value of a
 * environment's `endpoints.sts`. CORS is closed: STS does not answer browsers' preflights, so a page
 * that calls it fails here exactly as it fails against AWS.
 */

const VERSION = "2011-06-15";

type Operation = (params: URLSearchParams, ctx: RequestContext) => Promise<Record<string, XmlNode>>;

/** Parameters may come in the query string or the form body; the body wins, as in AWS. */
function parameters(ctx: RequestContext): URLSearchParams {
  const params = new URLSearchParams(ctx.url.search);
  for (const [name, value] of new URLSearchParams(ctx.body.toString("utf8"))) params.set(name, value);
  return params;
}

const wantsJson = (ctx: RequestContext) => /\bapplication\/json\b/i.test(String(ctx.headers["accept"] ?? ""));

export function createSts(iam: IamState): SandboxService {
  const operations: Record<string, Operation> = {
    AssumeRoleWithWebIdentity: (params, ctx) => assumeRoleWithWebIdentityOp(iam, params, ctx),
    GetCallerIdentity: (_params, ctx) => getCallerIdentityOp(iam, ctx),
  };

  async function handle(_params: string[], ctx: RequestContext): Promise<HttpResult> {
    const params = parameters(ctx);
    const action = params.get("Action") ?? "";
    try {
      const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
      // Best guess at STS's text for an unknown action / version.
      if (!operation || params.get("Version") !== VERSION) {
        throw new StsError("InvalidAction", `Could not find operation ${action} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`);
      }
      const result = await operation(params, ctx);
      return wantsJson(ctx) ? stsJsonResponse(action, result, ctx.requestId) : stsResponse(action, result, ctx.requestId);
    } catch (error) {
      if (error instanceof StsError) return stsErrorResponse(error, ctx.requestId);
      throw error;
    }
  }

  return {
    name: "sts",
    cors: "closed",
    // "IAM and AWS STS support GET and POST requests for all actions" (IAM User Guide, "Calling the
    // IAM API using HTTP query requests"): a presigned GetCallerIdentity is a GET, which is how
    // aws-iam-authenticator and Vault prove an identity.
    routes: [
      { method: "POST", path: /^\/sts\/?$/, handle },
      { method: "GET", path: /^\/sts\/?$/, handle },
    ],
  };
}
