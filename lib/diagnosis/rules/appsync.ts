import { authorizer, code, concept, msg, phrase, status, trail, variant, W } from "../signals";
import type { Rule } from "../types";
import { appsyncEventsRules } from "./appsync-events";
import { appsyncLambdaRules } from "./appsync-lambda";
import { appsyncKeyAndRealtimeRules } from "./appsync-realtime";

/** AppSync's refusals. Its messages say little, so which credential variant was used matters most. */

const AUTH_MODE_HINT = String.raw`make sure to set the "?authmode"? in generateclient`;

const GRAPHQL_POLICY = `{
  "Effect": "Allow",
  "Action": "appsync:GraphQL",
  "Resource": [
    "arn:aws:appsync:<region>:<account>:apis/<apiId>/types/Query/fields/*",
    "arn:aws:appsync:<region>:<account>:apis/<apiId>/types/Mutation/fields/*"
  ]
}`;

export const appsyncRules: readonly Rule[] = [
  {
    id: "appsync-auth-mode-missing",
    title: "The AppSync API has no authorization mode for this kind of credential (SigV4 without AWS_IAM, an API key without API_KEY)",
    services: ["appsync"],
    signals: [
      // Decided by the cell's context: the environment lists the API's modes, the column the credential.
      authorizer("credential-without-auth-mode", W.strong, "none of the API's authorization modes reads this kind of credential"),
      // A SigV4-signed call to an API without AWS_IAM: the user-pool mode reads the signature as a JWT
      // (aws-amplify/docs#1884, jonsaw/amazon-cognito-identity-dart#25).
      phrase("Unable to parse JWT token", W.context, "AppSync read the Authorization header as a JWT"),
      variant(["iam"], W.context, "signed with IAM credentials (SigV4)"),
      code("UnauthorizedException", W.generic, "AppSync UnauthorizedException"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "An AppSync API accepts only the authorization modes configured on it: its default authenticationType plus its additionalAuthenticationProviders " +
      "(API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT, AWS_LAMBDA). A credential no configured mode reads is refused before any IAM policy, " +
      "key expiry or token claim is looked at: a SigV4-signed request to an API without AWS_IAM (a Lambda or script signing with its role; the user-pool mode then " +
      "reads the signature as a JWT and answers \"Unable to parse JWT token.\"), an API key sent to an API without API_KEY, or a Cognito token sent to an API " +
      "with neither a user-pool nor an OIDC mode. Fixing the role, the key or the token changes nothing; the API needs the mode, or the caller must use one the API has.",
    fix: [
      {
        text: "Add the mode as an additional authorization provider (keep the default one and its configuration), then allow it on the types and fields the call reads.",
        snippet: {
          lang: "sh",
          code: "aws appsync get-graphql-api --api-id <apiId> --query 'graphqlApi.[authenticationType,additionalAuthenticationProviders]'\n" +
            "aws appsync update-graphql-api --api-id <apiId> --name <name> \\\n  --authentication-type AMAZON_COGNITO_USER_POOLS --user-pool-config userPoolId=<poolId>,awsRegion=<region>,defaultAction=ALLOW \\\n" +
            "  --additional-authentication-providers authenticationType=AWS_IAM\n# schema: type Note @aws_cognito_user_pools @aws_iam { … }",
        },
      },
      { text: "Or call with a credential of a mode the API has: for a user-pool API, the user's raw token in Authorization (aws-amplify: generateClient({ authMode: 'userPool' }))." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html", note: "the authorization types and additional authorization modes" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/APIReference/API_AdditionalAuthenticationProvider.html", note: "authenticationType: API_KEY | AWS_IAM | AMAZON_COGNITO_USER_POOLS | OPENID_CONNECT | AWS_LAMBDA" },
      { kind: "issue", url: "https://github.com/aws-amplify/docs/pull/1884", note: "IAM-signed call to a Cognito-only API: Unable to parse JWT token." },
      { kind: "issue", url: "https://github.com/jonsaw/amazon-cognito-identity-dart/issues/25", note: "a SigV4-signed call answered Unable to parse JWT token." },
    ],
  },
  {
    id: "appsync-unauthorized-iam",
    title: "AppSync IAM mode: the role lacks appsync:GraphQL on this API or field",
    services: ["appsync", "identity-pool"],
    signals: [
      concept("ロール", String.raw`(?:認証された|認証済み|auth)\s*ロール`, "the authenticated role (Japanese)"),
      concept("ポリシー", String.raw`ポリシー`, "a policy (Japanese)"),
      concept("appsync", String.raw`appsync`, "AppSync"),
      concept("iam", String.raw`\b(?:aws_)?iam\b`, "IAM"),
      concept("role", String.raw`\bauth(?:enticated)?[ _]?role\b`, "the identity pool's authenticated role"),
      concept("polic", String.raw`\bpolic(?:y|ies)\b`, "a policy"),
      msg("appsync:graphql", String.raw`not authorized to perform:? appsync:graphql`, 9, "IAM denied appsync:GraphQL"),
      // AppSync's whole answer to an IAM policy refusal (amplify-cli #6595, #4343, #13712).
      msg("permission denied", String.raw`unauthorizedexception\W{1,40}(?:message\W{1,6})?permission denied`, W.strong, "AppSync's 401 \"Permission denied\" to an IAM-signed request"),
      msg("permission denied", String.raw`permission denied.{0,80}errortype\W{1,3}unauthorizedexception`, W.strong, "AppSync's \"Permission denied\" (message before errorType)"),
      msg("not authorized to access", String.raw`not authorized to access \S+ on type \S+`, W.context, "AppSync field-level refusal"),
      phrase("You are not authorized to make this call", W.weak, "AppSync's generic refusal (mostly API keys)"),
      // Amplify attaches this to every AppSync UnauthorizedException, replacing AppSync's message
      // (amplify-js api-graphql repackageUnauthorizedError): it says "refused", not "IAM". With
      // no credential known, lib/diagnosis/question.ts asks which one was sent.
      msg("authmode", AUTH_MODE_HINT, W.generic, "Amplify's recoverySuggestion about authMode"),
      msg("appsync:graphql", String.raw`appsync:graphql\s*権限`, W.hint, "appsync:graphql permission (Japanese)"),
      msg("認証されたロール", "認証されたロール", W.weak, "the identity pool's authenticated role (Japanese)"),
      variant(["iam"], W.context, "signed with IAM credentials (SigV4)"),
      // The pasted code or configuration says which credential was sent.
      msg("authmode", String.raw`authmode\W{1,4}(?:aws_iam|iam)\b`, W.hint, "the call is made with authMode IAM"),
      msg("iam", String.raw`\b(?:401s?|unauthori[sz]ed)\b[^.\n]{0,80}\biam (?:config|polic|role|permission)`, W.context, "a 401 the reporter ties to IAM"),
      msg("iam", String.raw`\biam (?:credentials|auth(?:orization)?|role|polic(?:y|ies)|permissions?)\b[^.\n]{0,120}\b(?:401|unauthori[sz]ed)\b`, W.context, "IAM-signed calls answered 401"),
      concept("graphql", String.raw`\bgraphql\b`, "a GraphQL API"),
      concept("gql", String.raw`\bgql\b`, "a GraphQL API"),
      authorizer("aws-iam", W.weak, "the API (or the field) uses AWS_IAM"),
      trail(["assumed"], W.hint, "CloudTrail shows the pool's role was assumed, so the credentials exist and lack the permission"),
      code("UnauthorizedException", W.generic, "AppSync UnauthorizedException"),
      msg("unauthorized", String.raw`\bunauthorized\b`, W.generic, "Unauthorized"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "With AWS_IAM, AppSync evaluates the caller's IAM policy for appsync:GraphQL on arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>. " +
      "The identity pool's authenticated role (or the Lambda's role) has no such statement, or its Resource names another API id, region or account " +
      "— typical after moving an app to another account, where the policy still carries the old ARN.",
    fix: [
      { text: "Allow appsync:GraphQL on this API's types and fields for the role the credentials belong to.", snippet: { lang: "json", code: GRAPHQL_POLICY } },
      { text: "Confirm which role signed the call (CloudTrail AssumeRoleWithWebIdentity, or sts get-caller-identity with the same credentials) and that its policy names this apiId." },
      {
        text: "Check the role's policies against the exact field ARN, statement by statement: the Role check page (/policy), or the CLI with the role's policy saved to a file.",
        snippet: { lang: "sh", code: "auth-flow-debugger policy-check --policy role-policy.json \\\n  --call appsync:GraphQL=arn:aws:appsync:<region>:<account>:apis/<apiId>/types/Query/fields/<field>" },
      },
      { text: "If the schema has several auth modes, the field must also allow IAM (@aws_iam, or allow: private, provider: iam in Amplify)." },
    ],
    source: [
      { kind: "seed", ref: "001", note: "appsync:graphql resource clause wrong in the customer's account" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/2645" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-cli/issues/6595", note: "errors: [{ errorType: 'UnauthorizedException', message: 'Permission denied' }]" },
    ],
  },
  {
    id: "appsync-unauthorized-userpool",
    title: "AppSync user-pool/OIDC mode refuses the JWT (header form, pool, client regex)",
    services: ["appsync"],
    signals: [
      concept("appsync", String.raw`appsync`, "AppSync"),
      concept("user", String.raw`\buser ?pools?\b`, "the user pool"),
      concept("authorization", String.raw`\bauthorization header\b`, "the Authorization header"),
      concept("bearer", String.raw`\bbearer\b`, "a Bearer prefix"),
      phrase("Valid authorization header not provided", 7, "AppSync found no usable Authorization header"),
      phrase("Unable to parse JWT token", 7, "AppSync could not read the JWT (often a \"Bearer \" prefix)"),
      msg("bearer", String.raw`authorization"?\s*[:=]\s*"?bearer\s+eyj`, W.context, "a Bearer-prefixed JWT (AppSync wants the raw token)"),
      msg("appidclientregex", "appidclientregex", W.hint, "the API's appIdClientRegex"),
      msg("authmode", AUTH_MODE_HINT, W.generic, "Amplify's recoverySuggestion about authMode"),
      variant(["jwt"], W.context, "sent a user-pool/OIDC token"),
      // The same words to a SigV4 signature mean the API has no AWS_IAM mode (appsync-auth-mode-missing).
      variant(["iam"], -W.context, "SigV4-signed: no JWT was meant, the API lacks AWS_IAM"),
      msg("unauthorized", String.raw`\bunauthorized\b`, W.generic, "Unauthorized"),
      msg("amazon_cognito_user_pools", String.raw`(?:authenticationtype|authmode|authorizationtype)\W{1,4}amazon_cognito_user_pools\b`, W.hint, "the call is made with the user-pool auth mode"),
      msg("authmode", String.raw`authmode\W{1,4}userpool\b`, W.hint, "the call is made with the user-pool auth mode"),
      msg("appsync", "appsync", W.generic, "AppSync"),
      authorizer("user-pools", W.weak, "AMAZON_COGNITO_USER_POOLS"),
      authorizer("oidc", W.weak, "OPENID_CONNECT"),
      code("UnauthorizedException", W.generic, "AppSync UnauthorizedException"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "AppSync takes the bare JWT in Authorization (no \"Bearer \"), from the configured user pool (exact issuer) and, when appIdClientRegex is set, " +
      "from a matching app client. A missing or Bearer-prefixed header, a token from another pool or client, or an unreadable token is refused before any resolver runs. " +
      "An IAM-signed (SigV4) request to an API without AWS_IAM gets \"Unable to parse JWT token.\" too: AppSync reads the signature as a JWT.",
    fix: [
      { text: "Send the raw token: `Authorization: <jwt>`, not `Authorization: Bearer <jwt>` (Amplify does this for you).", snippet: { lang: "sh", code: "curl -H \"Authorization: $ACCESS_TOKEN\" -d '{\"query\":\"{ __typename }\"}' https://<id>.appsync-api.<region>.amazonaws.com/graphql" } },
      { text: "Check the token against the API's user pool and appIdClientRegex.", snippet: { lang: "sh", code: "auth-flow-debugger check <token> --authorizer appsync-userpool --user-pool-id <pool> --app-id-client-regex '<regex>'" } },
      { text: "With several auth modes, call with the mode the model allows: generateClient({ authMode: 'userPool' })." },
      { text: "A Lambda or script that signs with IAM needs AWS_IAM added to the API (and allowed on the fields), or must send a user-pool token instead." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/4373" },
      { kind: "issue", url: "https://github.com/aws-amplify/docs/pull/1884", note: "IAM-signed call to a Cognito-only API: Unable to parse JWT token." },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/8892" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html" },
    ],
  },
  {
    id: "appsync-field-not-authorized",
    title: "AppSync field refused by the schema's auth rules (directive, group, defaultAction DENY)",
    services: ["appsync"],
    signals: [
      concept("appsync", String.raw`appsync`, "AppSync"),
      concept("@auth", String.raw`@auth`, "an @auth rule"),
      concept("owner", String.raw`\bowner\b`, "owner-based rules"),
      concept("group", String.raw`\b(?:cognito )?groups?\b`, "groups"),
      concept("field", String.raw`\bfields?\b`, "a field"),
      concept("schema", String.raw`\bschema\b`, "the schema"),
      msg("not authorized to access", String.raw`not authorized to access (?:\S+ )?on type \S+`, W.specific, "AppSync field-level refusal"),
      msg("\"unauthorized\"", String.raw`"errortype"\s*:\s*"unauthorized"`, W.context, "HTTP 200 with errorType Unauthorized (field level)"),
      msg("cognito_groups", "cognito_groups", W.weak, "the schema's group directive"),
      msg("deniedfields", String.raw`\bdeniedfields\b`, W.hint, "a Lambda authorizer's deniedFields"),
      msg("@aws_lambda", "@aws_lambda", W.weak, "the schema's Lambda directive"),
      msg("@auth", String.raw`@auth\s*\(`, W.weak, "an Amplify @auth rule"),
      variant(["jwt", "api-key"], W.generic, "called with a token or API key"),
      variant(["iam"], -3, "IAM-signed: the IAM policy is the likelier cause"),
      status([200], W.generic, "field error inside a 200"),
    ],
    cause:
      "The request was authenticated, but the field's auth rules do not admit this caller: the user is in none of the @aws_auth(cognito_groups) " +
      "groups, the field has no directive for this auth mode (with AWS_LAMBDA as an additional mode, @aws_lambda), the API's defaultAction is DENY, " +
      "an Amplify @auth owner/group rule does not match, or a Lambda authorizer listed the field in deniedFields (forced to null; Type.field or the field's ARN " +
      "— an authorizer shared by two APIs denies Type.field in both unless it uses ARNs). Group changes only apply to tokens issued after them.",
    fix: [
      { text: "Look at the field's directives (or the model's @auth / .authorization rules) and the token's cognito:groups.", snippet: { lang: "sh", code: "auth-flow-debugger check <token> --authorizer appsync-userpool --user-pool-id <pool> --field-groups admin,support --field Query.listNotes" } },
      { text: "After adding the user to a group, refresh the session (fetchAuthSession({ forceRefresh: true })) so the new token carries it." },
      { text: "With a Lambda authorizer, look at the deniedFields it returned for this token (its logs, or aws lambda invoke with the event): an entry naming this Type.field nulls it on every API that shares the function; use arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field> to deny it on one API only." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html" },
      { kind: "doc", url: "https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error", note: "200 OK with error type Unauthorized: Not Authorized to access X on type Y" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-category-api/issues/670" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-studio/issues/169", note: "realtime: Not Authorized to access onCreate… on type Subscription" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization", note: "deniedFields: forcibly changed to null; ARN form when two APIs share the authorizer" },
    ],
  },
  ...appsyncKeyAndRealtimeRules,
  ...appsyncEventsRules,
  ...appsyncLambdaRules,
];
