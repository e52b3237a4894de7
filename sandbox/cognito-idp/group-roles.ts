import type { PoolRecord, UserRecord } from "./store";

/**
 * The role claims of an ID token, from the user's groups, as the developer guide describes them
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html,
 * "Using tokens to assign roles to users", and cognito-user-pools-user-groups.html):
 *  - cognito:roles "is set if there is at least one role": the roles of the user's groups. Real
 *    tokens carry it as a JSON array (aws/aws-sdk-net#943; the ID token example in
 *    amazon-cognito-user-pools-using-the-id-token.html), though the guide calls it comma-separated.
 *    A role two groups share appears once (inferred).
 *  - cognito:preferred_role "is set to the role from the group with the best (lowest) Precedence
 *    value. If there is only one allowed role, cognito:preferred_role is set to that role. If there
 *    are multiple roles and no single role has the best precedence, this claim is not set." Groups
 *    without a precedence rank after every group with one ("higher or null precedence values");
 *    two groups with the same precedence and the same role still give that role.
 */
export function groupRoleClaims(pool: PoolRecord, user: UserRecord): { roles: string[]; preferred?: string } {
  const withRoles = user.groups.flatMap((name) => {
    const group = pool.groups.get(name);
    return group?.roleArn ? [{ roleArn: group.roleArn, precedence: group.precedence ?? Number.POSITIVE_INFINITY }] : [];
  });
  const roles = [...new Set(withRoles.map((g) => g.roleArn))];
  if (roles.length <= 1) return roles.length === 1 ? { roles, preferred: roles[0]! } : { roles };
  const best = Math.min(...withRoles.map((g) => g.precedence));
  const atBest = new Set(withRoles.filter((g) => g.precedence === best).map((g) => g.roleArn));
  return atBest.size === 1 ? { roles, preferred: [...atBest][0]! } : { roles };
}
