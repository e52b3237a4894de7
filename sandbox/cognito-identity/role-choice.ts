import { chooseRole, roleMappingKey } from "../../lib/identity/role-mapping";
import { AwsError } from "../http/aws-json";
import * as fail from "./errors";
import type { ResolvedIdentity } from "./resolve";

/**
 * The role GetCredentialsForIdentity assumes for a proven identity: the unauthenticated role for a
 * guest; for a user, the authenticated role unless the pool maps the login's provider (user pool
 * and app client) to roles by token or by rules. A refusal is answered before STS is called, so
 * CloudTrail records no AssumeRoleWithWebIdentity for it (nothing was assumed).
 */
export function chooseRoleFor(resolved: ResolvedIdentity, customRoleArn: string | undefined): string {
  const { pool } = resolved;
  const login = resolved.logins[0];
  const roles = {
    Roles: {
      ...(pool.authenticatedRoleArn ? { authenticated: pool.authenticatedRoleArn } : {}),
      ...(pool.unauthenticatedRoleArn ? { unauthenticated: pool.unauthenticatedRoleArn } : {}),
    },
    RoleMappings: pool.roleMappings,
  };
  const choice = chooseRole({
    roles,
    mappingKey: login ? roleMappingKey(pool.region, login.userPoolId, login.clientId) : "",
    // The Logins key's AWS form; which name AWS writes into the refusal is unconfirmed (choose.ts).
    providerName: login?.provider ?? "",
    claims: login?.claims,
    ...(customRoleArn ? { customRoleArn } : {}),
  });
  if (choice.outcome === "role") return choice.roleArn;
  if (choice.reason === "no-role") throw fail.invalidPoolConfiguration();
  const error = new AwsError(choice.refusal.errorType, choice.refusal.message);
  if (choice.refusal.unconfirmed) error.unconfirmed = choice.refusal.unconfirmed;
  throw error;
}
