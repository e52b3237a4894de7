import { code, concept, msg, W } from "../signals";
import type { Rule } from "../types";

/**
 * The identity pool's role mapping refused the signed-in user: no credentials at all, although
 * sign-in, the Logins token and the roles' trust policies are fine. Kept apart from
 * identity-pool-role-mapping (credentials of another role) because the fix is in the mapping or
 * the user's groups, not in a role's permissions.
 */

const SET_ROLES = `aws cognito-identity set-identity-pool-roles --identity-pool-id <identity pool id> \\
  --roles authenticated=<authenticated role arn> \\
  --role-mappings '{"cognito-idp.<region>.amazonaws.com/<user pool id>:<app client id>":
    {"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole"}}'`;

export const identityPoolRoleMappingRules: readonly Rule[] = [
  {
    id: "identity-pool-role-mapping-denied",
    title: "The identity pool's role mapping found no role for the user and denies (AmbiguousRoleResolution Deny)",
    services: ["identity-pool", "cognito"],
    signals: [
      concept("identity", String.raw`\bidentity ?pool\b`, "the identity pool"),
      concept("role", String.raw`\brole mappings?\b`, "role mapping"),
      concept("cognito:", String.raw`\bcognito:(?:preferred_role|roles|groups)\b`, "the token's group and role claims"),
      concept("precedence", String.raw`\bprecedence\b`, "group precedence"),
      concept("ambiguousroleresolution", String.raw`\bambiguousroleresolution\b`, "AmbiguousRoleResolution"),
      // Captured: "NotAuthorizedException: The ambiguous role mapping rules for: accounts.google.com denied this request."
      // (aws-amplify/amplify-js#3621: a rules mapping that matched no claim, resolution Deny).
      // The provider after "for:" varies (and is unconfirmed for user pools): the prefix is the wording.
      msg("the ambiguous role mapping rules for", String.raw`the ambiguous role mapping rules for\b`, W.verbatim, "GetCredentialsForIdentity: the role mapping matched no single role and resolution is Deny"),
      // Documented as "deny access" when CustomRoleArn is not among cognito:roles
      // (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html); AWS's words are not known.
      msg("customrolearn", String.raw`\bcustomrolearn\b`, W.hint, "CustomRoleArn was sent"),
      code("NotAuthorizedException", W.weak, "Cognito identity refused"),
    ],
    cause:
      "GetCredentialsForIdentity consults the identity pool's role mapping for the user's provider (user pool and app client) before " +
      "assuming any role. It found no single role and AmbiguousRoleResolution is Deny: a Rules mapping whose rules match none of the ID " +
      "token's claims (a value in another case, a claim the token lacks, a custom attribute named without custom:), or a Token mapping " +
      "where the user's groups give several cognito:roles and no cognito:preferred_role (groups with the same Precedence and different " +
      "roles) or no role at all. A CustomRoleArn that is not among the token's roles is refused too. No role is assumed, so CloudTrail " +
      "shows no AssumeRoleWithWebIdentity for the attempt.",
    fix: [
      {
        text: "Read the mapping and compare it with the ID token's claims (the Session page explains which rule or claim decides; so does `npx auth-flow-debugger explain-role`).",
        snippet: { lang: "sh", code: "aws cognito-identity get-identity-pool-roles --identity-pool-id <identity pool id> > roles.json\nnpx auth-flow-debugger explain-role --mapping roles.json --id-token \"$ID_TOKEN\"" },
      },
      {
        text: "Token mappings: give the user's groups different Precedence values (0 wins), so the ID token carries cognito:preferred_role; or have the app send one of cognito:roles as CustomRoleArn.",
        snippet: { lang: "sh", code: "aws cognito-idp update-group --user-pool-id <user pool id> --group-name <group> --precedence 0" },
      },
      { text: "Rules mappings: fix the rule's Claim (custom attributes need the custom: prefix) or Value (matching is exact); rules are tried in order, first match wins." },
      { text: "Or let users without a match fall back to the default authenticated role.", snippet: { lang: "sh", code: SET_ROLES } },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html" },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html", note: "groups with the same precedence and different roles: cognito:preferred_role is not set" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/3621", note: "NotAuthorizedException: The ambiguous role mapping rules for: accounts.google.com denied this request." },
      { kind: "doc", url: "https://github.com/ericyanpek/agentcore-private-registry-blueprint/blob/a1de34782341719cb7be872d1c2cdccb4376af49/examples/cognito-end-to-end/README.md", note: "a user pool user in no group, rule cognito:groups Contains …, Deny: NotAuthorizedException \"The ambiguous role mapping rules for: ... denied this request.\"" },
    ],
  },
];
