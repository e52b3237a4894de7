import type { JwksGetter } from "../../lib/tokens";
import { authenticateApiKey, credentialsOf, type ApiConfig, type AuthResult } from "./caller";
import { FAIL } from "./errors";
import { authorizeIam, type IamContext } from "./iam";
import type { LambdaRequest } from "./lambda";
import { authenticateJwt } from "./jwt";

/**
 * Request-level authentication for HTTP requests, realtime connections and `start` messages
 * alike: the same headers mean the same thing on every channel.
 */

export interface AuthEnv {
  baseUrl: string;
  now: number;
  getJwks: JwksGetter;
}

export interface IamTarget {
  /** The request that was signed (for realtime: the virtual POST the header object signs). */
  ctx: IamContext;
  /** Top-level fields to authorize; empty authenticates only. */
  fields: readonly { type: string; field: string }[];
}

export async function authenticate(
  api: ApiConfig,
  headers: Record<string, string | undefined>,
  env: AuthEnv,
  iam: () => IamTarget,
  lambda: () => Omit<LambdaRequest, "headers">,
): Promise<AuthResult> {
  const credentials = credentialsOf(headers, api.modes);
  switch (credentials.kind) {
    case "none":
      // What an API whose only token mode is AWS_LAMBDA answers a request without Authorization is
      // not shown anywhere public: AppSync's refusal for a missing header elsewhere, marked as such.
      return { ok: false, failure: onlyLambda(api) ? { ...FAIL.noValidHeader, unconfirmed: "the answer to a missing Authorization header when AWS_LAMBDA is the only mode that reads it" } : FAIL.noValidHeader };
    case "lambda":
      return authenticateLambda(api, credentials.value, { ...lambda(), headers }, env.now);
    case "api-key":
      return authenticateApiKey(api, credentials.value, env.now);
    case "jwt":
      return authenticateJwt(api, credentials.value, env);
    case "iam": {
      const target = iam();
      return authorizeIam(api, target.ctx, target.fields);
    }
  }
}

function onlyLambda(api: ApiConfig): boolean {
  return api.modes.has("AWS_LAMBDA") && !api.modes.has("AMAZON_COGNITO_USER_POOLS") && !api.modes.has("OPENID_CONNECT") && !api.modes.has("AWS_IAM");
}

function authenticateLambda(api: ApiConfig, token: string, request: LambdaRequest, now: number): AuthResult {
  const result = api.lambda!.authorize(token, request, now);
  if (!result.ok) return result;
  const { resolverContext, deniedFields } = result.grant;
  return {
    ok: true,
    caller: {
      mode: "AWS_LAMBDA",
      owner: null,
      groups: [],
      detail: `AWS_LAMBDA: resolverContext ${JSON.stringify(resolverContext)}${deniedFields.length ? `, deniedFields ${deniedFields.join(", ")}` : ""}`,
      lambda: result.grant,
    },
  };
}
