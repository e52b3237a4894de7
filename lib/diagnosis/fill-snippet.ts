import { appSyncEndpoints } from "../appsync/endpoints";
import type { Environment } from "../config/environment";

/**
 * Fix snippets are written with placeholders (`<region>`, `<account>`, `<apiId>`, `--user-pool-id
 * <pool>` …). When the dashboard knows the environment the reader is looking at, the snippet is
 * shown with that environment's own ids, so it can be pasted as it is; whatever is not known stays
 * a placeholder. Only placeholders whose meaning is certain are filled: `<owner account>` (someone
 * else's account) or a bare `<id>` outside a known context are left alone.
 */

export interface KnownIds {
  region?: string;
  account?: string;
  apiId?: string;
  userPoolId?: string;
  clientId?: string;
  identityPoolId?: string;
}

/** `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x` → its account. */
const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;

/**
 * What the environment says, plus the account when something proved it (the caller identity of
 * the identity pool's credentials); else the account of the environment's AgentCore runtime ARN.
 */
export function knownIdsOf(environment: Environment | undefined, account?: string): KnownIds {
  if (!environment) return account ? { account } : {};
  const api = environment.appSync[0];
  const apiId = api ? appSyncEndpoints(api.url).apiId : undefined;
  const fromArn = environment.agentCore?.runtimeArn ? ACCOUNT_IN_ARN.exec(environment.agentCore.runtimeArn)?.[1] : undefined;
  const known = account && /^\d{12}$/.test(account) ? account : fromArn;
  return {
    region: environment.region,
    userPoolId: environment.userPoolId,
    clientId: environment.userPoolClientId,
    ...(environment.identityPoolId ? { identityPoolId: environment.identityPoolId } : {}),
    ...(apiId ? { apiId } : {}),
    ...(known ? { account: known } : {}),
  };
}

/** [pattern, which id fills it]; the pattern's first group, when it has one, is kept before the id. */
const FILLS: ReadonlyArray<[RegExp, keyof KnownIds]> = [
  [/<region>/g, "region"],
  [/<account>|<acct>/g, "account"],
  [/<apiId>/g, "apiId"],
  // AppSync's endpoint: https://<id>.appsync-api.<region>.amazonaws.com/graphql.
  [/<id>(?=\.appsync-api\.)/g, "apiId"],
  [/<userPoolId>|<poolId>/g, "userPoolId"],
  [/(--user-pool-id )<pool>/g, "userPoolId"],
  [/(--client-id )<client>/g, "clientId"],
  [/(--identity-pool-id )<id>/g, "identityPoolId"],
];

export function fillPlaceholders(code: string, ids: KnownIds): string {
  let out = code;
  for (const [pattern, key] of FILLS) {
    const value = ids[key];
    if (value) out = out.replace(pattern, (_match, before: unknown) => `${typeof before === "string" ? before : ""}${value}`);
  }
  return out;
}
