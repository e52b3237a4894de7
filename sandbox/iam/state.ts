import { EventLog } from "../cloudtrail/event-log";
import { OpenIdKeys } from "../cognito-identity/openid-token";
import type { Scenario } from "../scenario";
import { CredentialStore } from "./credentials";
import type { StateDir } from "../state-dir";
import { RoleStore } from "./roles";

/**
 * The account-wide state one running sandbox shares between services: IAM roles, the
 * credentials STS and Cognito identity have issued, the CloudTrail event log, and the identity
 * pools' OpenID signing keys (what STS trusts for web identity tokens).
 *
 * Services that only get a request (AppSync, AgentCore: `authorizeIamRequest(ctx, …)`) find it
 * by the sandbox's base URL, which is unique per listening sandbox, so several sandboxes in one
 * test process never see each other's credentials.
 */

export interface IamState {
  readonly roles: RoleStore;
  readonly credentials: CredentialStore;
  readonly events: EventLog;
  /** The keys Cognito identity signs OpenID tokens with, and STS verifies them against. */
  readonly openIdKeys: OpenIdKeys;
  /** The sandbox clock in milliseconds (injectable in tests). */
  readonly now: () => number;
}

/** With a state directory, issued credentials survive a restart (state-dir.ts). */
export async function createIamState(scenarios: readonly Scenario[], now: () => number, state?: StateDir): Promise<IamState> {
  const regions = scenarios.filter((s) => s.identityPools.length > 0).map((s) => s.region);
  const roles = new RoleStore(scenarios);
  return {
    roles,
    credentials: new CredentialStore(now, state ? { state, roles } : undefined),
    events: new EventLog(now),
    openIdKeys: await OpenIdKeys.create(regions),
    now,
  };
}

const byBaseUrl = new Map<string, IamState>();

/** Makes `state` reachable from requests to `baseUrl`; returns the undo for sandbox close. */
export function bindIamState(baseUrl: string, state: IamState): () => void {
  byBaseUrl.set(baseUrl, state);
  return () => {
    if (byBaseUrl.get(baseUrl) === state) byBaseUrl.delete(baseUrl);
  };
}

export function iamStateFor(ctx: { readonly baseUrl: string }): IamState | undefined {
  return byBaseUrl.get(ctx.baseUrl);
}
