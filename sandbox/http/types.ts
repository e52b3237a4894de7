import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

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
  /** `http://127.0.0.1:{port}`, or `https://…:{tls port}` on the TLS listener: what the sandbox stands for in issuers and discovery URLs. */
  readonly baseUrl: string;
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  /** The raw request body (empty for GET): SigV4 verification needs the exact bytes. */
  readonly body: Buffer;
}

/** A JSON-RPC operation: gets the parsed request body, returns the response body. */
export type OperationHandler = (input: Record<string, unknown>, ctx: RequestContext) => Promise<unknown>;

export interface JsonResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A non-JSON answer: STS's XML, or a stream such as AgentCore's server-sent events. */
export interface RawResult {
  status: number;
  contentType: string;
  body: string | AsyncIterable<string>;
  headers?: Record<string, string>;
}

export type HttpResult = JsonResult | RawResult;

export interface Route {
  method: "GET" | "POST";
  /** Matched against the URL path; capture groups are handed to `handle`. */
  path: RegExp;
  handle(params: string[], ctx: RequestContext): Promise<HttpResult>;
}

export interface UpgradeContext extends Omit<RequestContext, "body"> {
  /** Call with each accepted socket, so sandbox-wide behaviour (faults) applies to it. */
  readonly opened?: (ws: WebSocket) => void;
}

/** A WebSocket endpoint (AppSync realtime, AgentCore streams): the service owns the upgrade. */
export interface UpgradeRoute {
  path: RegExp;
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, params: string[], ctx: UpgradeContext): void;
}

export interface SandboxService {
  /** For logs and error messages only. */
  name: string;
  /** JSON-RPC target prefix, e.g. `AWSCognitoIdentityProviderService`. */
  targetPrefix?: string;
  /** Content type of JSON-RPC responses; AWS JSON 1.1 unless the service says otherwise. */
  contentType?: string;
  operations?: Record<string, OperationHandler>;
  /**
   * Path its JSON-RPC operations are served on. AWS gives each service its own host; the
   * sandbox has one host, so services other than Cognito user pools get a path of their own
   * (`/cognito-identity`, `/cloudtrail`), which is also what lets CORS differ per service.
   */
  mount?: string;
  /**
   * `closed` answers browsers as STS does: no CORS headers, so a call from a page fails the way
   * it would against AWS. Defaults to `open` (Access-Control-Allow-Origin: *).
   */
  cors?: "open" | "closed";
  routes?: Route[];
  upgrades?: UpgradeRoute[];
}
