import type { JwksGetter } from "../../lib/tokens";
import { authenticateApiKey, credentialsOf, type ApiConfig, type AuthResult } from "./caller";
import { FAIL } from "./errors";
import { authorizeIam, type IamContext } from "./iam";
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
): Promise<AuthResult> {
  const credentials = credentialsOf(headers, api.modes);
  switch (credentials.kind) {
    case "none":
      return { ok: false, failure: FAIL.noValidHeader };
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
