import type { IncomingHttpHeaders } from "node:http";

/**
 * The contract between the sandbox's router (server.ts) and each fake AWS service.
 *
 * AWS routes requests three ways, and a service module may use any of them:
 *  - JSON-RPC: `POST /` with `X-Amz-Target: <Prefix>.<Operation>` (Cognito user pools,
 *    Cognito identity, CloudTrail). The service names its prefix and its operations.
 *  - REST paths: e.g. `GET /{userPoolId}/.well-known/jwks.json`, STS query API, AgentCore.
 *  - Host names: AppSync's `{apiId}.appsync-api.{region}.amazonaws.com`; routes see the Host
 *    header through the context, so a later service can match on it.
 */

export interface RequestContext {
  /** Sent back as `x-amzn-RequestId`, as AWS does on every response. */
  readonly requestId: string;
  /** `http://127.0.0.1:{port}`: what the sandbox stands for in issuers and discovery URLs. */
  readonly baseUrl: string;
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
}

/** A JSON-RPC operation: gets the parsed request body, returns the response body. */
export type OperationHandler = (input: Record<string, unknown>, ctx: RequestContext) => Promise<unknown>;

export interface JsonResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST";
  /** Matched against the URL path; capture groups are handed to `handle`. */
  path: RegExp;
  handle(params: string[], ctx: RequestContext): Promise<JsonResult>;
}

export interface SandboxService {
  /** For logs and error messages only. */
  name: string;
  /** JSON-RPC target prefix, e.g. `AWSCognitoIdentityProviderService`. */
  targetPrefix?: string;
  /** Content type of JSON-RPC responses; AWS JSON 1.1 unless the service says otherwise. */
  contentType?: string;
  operations?: Record<string, OperationHandler>;
  routes?: Route[];
}
