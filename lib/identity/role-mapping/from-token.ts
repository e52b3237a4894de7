import { USER_POOL_ID_PATTERN } from "../../config/environment";
import { chooseRole, type RoleChoice } from "./choose";
import { roleMappingKey, type IdentityPoolRoles } from "./schema";

/**
 * The provider a user pool ID token speaks for, in the two spellings an identity pool uses: the
 * RoleMappings key (`cognito-idp.{region}.amazonaws.com/{poolId}:{appClientId}`, from iss and aud)
 * and the Logins key (`cognito-idp.{region}.amazonaws.com/{poolId}`). The pool id is the last
 * segment of iss for every issuer form (AWS's ORIGINAL and UPDATED hosts, the sandbox's URL).
 */
export function providerOfIdToken(claims: Readonly<Record<string, unknown>>): { mappingKey: string; providerName: string } | undefined {
  const iss = typeof claims["iss"] === "string" ? claims["iss"] : "";
  const poolId = iss.split("/").pop() ?? "";
  const region = USER_POOL_ID_PATTERN.exec(poolId)?.[1];
  const aud = claims["aud"];
  if (!region || typeof aud !== "string") return undefined;
  return { mappingKey: roleMappingKey(region, poolId, aud), providerName: `cognito-idp.${region}.amazonaws.com/${poolId}` };
}

/** The enhanced flow's role for this ID token, or why none can be told (not an ID token of a user pool). */
export function predictRole(roles: IdentityPoolRoles, claims: Readonly<Record<string, unknown>>, customRoleArn?: string): RoleChoice | { outcome: "unknown"; explanation: string } {
  if (claims["token_use"] !== undefined && claims["token_use"] !== "id") {
    return { outcome: "unknown", explanation: "Identity pools take the ID token (token_use id); this token's role cannot be told." };
  }
  const provider = providerOfIdToken(claims);
  if (!provider) return { outcome: "unknown", explanation: "The token's iss does not end in a user pool id, or it has no aud: not a user pool ID token." };
  return chooseRole({ roles, ...provider, claims, ...(customRoleArn ? { customRoleArn } : {}) });
}
