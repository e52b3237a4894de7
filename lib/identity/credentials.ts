import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
} from "@aws-sdk/client-cognito-identity";
import { AssumeRoleWithWebIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { HttpHandler } from "@smithy/protocol-http";
import { hostOf } from "../http/host";
import { unconfirmedWording } from "../http/unconfirmed-wording";
import { AppError } from "../errors";

/**
 * Identity-pool credentials the way a web app gets them (these calls are unsigned: the SDK
 * needs no credentials of its own), one AWS call at a time, so a failure
 * names the step and carries AWS's own error name and message verbatim.
 *   enhanced: GetId → GetCredentialsForIdentity (Cognito assumes the role)
 *   basic:    GetId → GetOpenIdToken → sts:AssumeRoleWithWebIdentity (the client names the role)
 */

export type IdentityFlow = "enhanced" | "basic";
type IdentityStep = "GetId" | "GetCredentialsForIdentity" | "GetOpenIdToken" | "AssumeRoleWithWebIdentity";

interface IdentityRequest {
  region: string;
  identityPoolId: string;
  userPoolId: string;
  /**
   * The user pool ID token: identity pools take the ID token, never the access token. Absent for a
   * guest (unauthenticated identity), which the pool must allow; Cognito then scopes the
   * enhanced flow's credentials down to its list of guest services.
   */
  idToken?: string;
  flow: IdentityFlow;
  /** Basic flow only: the role to assume. */
  roleArn?: string;
  /**
   * Enhanced flow only: GetCredentialsForIdentity's CustomRoleArn, the role to take among those a
   * role mapping allows ("if it is set and it matches a role in the cognito:roles claim",
   * https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html).
   */
  customRoleArn?: string;
  /** Endpoint overrides (sandbox, VPC endpoints). */
  cognitoIdentityEndpoint?: string;
  stsEndpoint?: string;
  /** STS answers no browser: the basic flow's STS call needs a handler that goes via the relay. */
  stsRequestHandler?: HttpHandler;
}

export interface IdentityCredentials {
  identityId: string;
  flow: IdentityFlow;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/**
 * A step of the identity pool flow failed. `errorType` is what the panel shows: AWS's error name
 * when AWS answered (e.g. InvalidIdentityPoolConfigurationException, with the answer attached),
 * or ours (NetworkError, MissingCredentials …) when it did not.
 */
export class IdentityPoolError extends AppError {
  declare readonly code: "aws:identity-pool" | "unreachable:identity-pool" | "upstream:identity-pool" | "invalid:identity-pool";
  constructor(
    readonly step: IdentityStep,
    code: IdentityPoolError["code"],
    readonly errorType: string,
    message: string,
    /** The HTTP status, when AWS answered. */
    httpStatus?: number,
    /** The local sandbox's note that no public source confirms this answer's words (x-sandbox-unconfirmed). */
    readonly unconfirmed?: string,
  ) {
    super(code, message, httpStatus === undefined ? undefined : { status: httpStatus, errorType, message, ...(unconfirmed ? { unconfirmed } : {}) });
    this.name = errorType;
  }
}

/**
 * The Logins key for a user pool, as identity pools expect it. Unconfirmed for a pool with the
 * UPDATED issuer (issuer-cognito-idp): aws-amplify derives the key from the ID token's iss
 * (formLoginsMap), which would then be issuer-cognito-idp.{region}.amazonaws.com/{poolId}, and no
 * AWS source says which of the two an identity pool accepts.
 */
const loginsKey = (region: string, userPoolId: string) => `cognito-idp.${region}.amazonaws.com/${userPoolId}`;

export async function getIdentityCredentials(request: IdentityRequest): Promise<IdentityCredentials> {
  const client = new CognitoIdentityClient({
    region: request.region,
    ...(request.cognitoIdentityEndpoint ? { endpoint: request.cognitoIdentityEndpoint } : {}),
  });
  // A guest sends no Logins at all ("Logins should not be specified … for an unauthenticated identity").
  const Logins = request.idToken ? { [loginsKey(request.region, request.userPoolId)]: request.idToken } : undefined;
  // Where each step goes, for the message when nothing answers: the override, or AWS's own host.
  const identityHost = request.cognitoIdentityEndpoint ? hostOf(request.cognitoIdentityEndpoint) : `cognito-identity.${request.region}.amazonaws.com`;
  const { IdentityId } = await step("GetId", identityHost, () => client.send(new GetIdCommand({ IdentityPoolId: request.identityPoolId, ...(Logins ? { Logins } : {}) })));
  if (!IdentityId) throw new IdentityPoolError("GetId", "upstream:identity-pool", "MissingIdentityId", "GetId answered without an IdentityId.");

  if (request.flow === "enhanced") {
    const { Credentials } = await step("GetCredentialsForIdentity", identityHost, () =>
      client.send(new GetCredentialsForIdentityCommand({ IdentityId, ...(Logins ? { Logins } : {}), ...(request.customRoleArn ? { CustomRoleArn: request.customRoleArn } : {}) })),
    );
    return issued("GetCredentialsForIdentity", IdentityId, "enhanced", Credentials && { ...Credentials, SecretAccessKey: Credentials.SecretKey });
  }

  if (!request.roleArn) throw new IdentityPoolError("AssumeRoleWithWebIdentity", "invalid:identity-pool", "MissingRoleArn", "The basic flow needs the ARN of the role to assume.");
  const { Token } = await step("GetOpenIdToken", identityHost, () => client.send(new GetOpenIdTokenCommand({ IdentityId, ...(Logins ? { Logins } : {}) })));
  const sts = new STSClient({
    region: request.region,
    ...(request.stsEndpoint ? { endpoint: request.stsEndpoint } : {}),
    ...(request.stsRequestHandler ? { requestHandler: request.stsRequestHandler } : {}),
  });
  const stsHost = request.stsEndpoint ? hostOf(request.stsEndpoint) : `sts.${request.region}.amazonaws.com`;
  const { Credentials } = await step("AssumeRoleWithWebIdentity", stsHost, () =>
    sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: request.roleArn, RoleSessionName: "CognitoIdentityCredentials", WebIdentityToken: Token })),
  );
  return issued("AssumeRoleWithWebIdentity", IdentityId, "basic", Credentials);
}

interface IssuedShape {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
  Expiration?: Date;
}

/** Both flows end in the same four values; an answer without them is an error of that step. */
function issued(name: IdentityStep, identityId: string, flow: IdentityFlow, c: IssuedShape | undefined): IdentityCredentials {
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new IdentityPoolError(name, "upstream:identity-pool", "MissingCredentials", "The answer held no credentials.");
  }
  return {
    identityId,
    flow,
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration ?? new Date(Date.now() + 3600_000),
  };
}

async function step<T>(name: IdentityStep, host: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number }; $response?: { headers?: Record<string, string> } };
    // No HTTP answer at all (fetch's TypeError, a socket error): the endpoint is what to name,
    // since a browser's "Failed to fetch" says nothing about where.
    if (e.$metadata?.httpStatusCode === undefined && (e.name === "TypeError" || /ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT/.test(e.message))) {
      throw new IdentityPoolError(name, "unreachable:identity-pool", "NetworkError", `No connection to ${host}: ${e.message || "the request failed"}.`);
    }
    const status = e.$metadata?.httpStatusCode;
    const unconfirmed = unconfirmedWording(e.$response?.headers ?? {});
    throw new IdentityPoolError(name, status === undefined ? "upstream:identity-pool" : "aws:identity-pool", e.name || "Error", e.message || "No message.", status, unconfirmed);
  }
}
