/**
 * Principal / NotPrincipal matching for resource policies — here, role trust policies. Only `*` is
 * a wildcard in this element; other values compare exactly, except that an account id (or the
 * account's `:root` ARN) stands for every principal in that account, and a role ARN matches that
 * role's assumed-role sessions.
 */
import { parseArn } from "./arn";
import type { PrincipalValue } from "./schema";

export type PrincipalType = "AWS" | "Federated" | "Service" | "CanonicalUser";

export interface RequestPrincipal {
  type: PrincipalType;
  /** e.g. `cognito-identity.amazonaws.com`, `arn:aws:iam::123456789012:role/R`, `lambda.amazonaws.com`. */
  id: string;
}

export function principalMatches(policy: PrincipalValue, principal: RequestPrincipal): { matches: boolean; matchedBy?: string } {
  if (policy === "*") return { matches: true, matchedBy: "*" };
  for (const [type, raw] of Object.entries(policy) as Array<[PrincipalType, string | string[] | undefined]>) {
    for (const value of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
      // {"AWS": "*"} is documented as equivalent to "*".
      if (type === "AWS" && value === "*") return { matches: true, matchedBy: `AWS: *` };
      if (type !== principal.type) continue;
      if (type === "AWS" ? awsPrincipalMatches(value, principal.id) : value === principal.id) {
        return { matches: true, matchedBy: `${type}: ${value}` };
      }
    }
  }
  return { matches: false };
}

function awsPrincipalMatches(value: string, id: string): boolean {
  if (value === id) return true;
  const account = /^\d{12}$/.test(value) ? value : /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1];
  const caller = parseArn(id);
  if (account !== undefined) return (caller?.account ?? id) === account;
  // A role ARN (any path) matches arn:aws:sts::{account}:assumed-role/{name}/{session}.
  const role = parseArn(value);
  if (!role || !caller || role.service !== "iam" || !role.resource.startsWith("role/")) return false;
  const roleName = role.resource.split("/").at(-1);
  const session = /^assumed-role\/([^/]+)\//.exec(caller.resource);
  return caller.service === "sts" && caller.account === role.account && session?.[1] === roleName;
}

export function describePrincipal(principal: RequestPrincipal | undefined): string {
  return principal ? `${principal.type} ${principal.id}` : "(no principal)";
}
