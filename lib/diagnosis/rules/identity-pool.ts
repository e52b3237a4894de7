import { code, concept, msg, phrase, status, tokenUse, trail, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * Cognito identity pools: the step between a signed-in user and AWS credentials. The CloudTrail
 * verdict (was the pool's role assumed around the failure?) separates "no credentials" from
 * "credentials without the permission" — the question seed 001 had to answer by hand.
 */

const TRUST_POLICY = `{
  "Effect": "Allow",
  "Principal": { "Federated": "cognito-identity.amazonaws.com" },
  "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
  "Condition": {
    "StringEquals": { "cognito-identity.amazonaws.com:aud": "<region>:<identity pool id>" },
    "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
  }
}`;

export const identityPoolRules: readonly Rule[] = [
  {
    id: "identity-pool-config",
    title: "Identity pool cannot assume its role: no role assigned or the trust policy does not allow the pool",
    services: ["identity-pool", "sts", "iam"],
    signals: [
      concept("プール", String.raw`id\s*プール`, "the identity pool (Japanese)"),
      concept("信頼", String.raw`信頼(?:関係|ポリシー)`, "the trust policy (Japanese)"),
      concept("identity", String.raw`\bidentity ?pool\b`, "the identity pool"),
      concept("trust", String.raw`\btrust (?:policy|relationship)\b`, "the trust policy"),
      concept("assumerolewithwebidentity", String.raw`assumerolewithwebidentity`, "AssumeRoleWithWebIdentity"),
      concept("role", String.raw`\b(?:auth(?:enticated)?|unauth(?:enticated)?) role\b`, "the pool's roles"),
      phrase("Invalid identity pool configuration. Check assigned IAM roles for this pool", W.verbatim, "GetCredentialsForIdentity refused"),
      code("InvalidIdentityPoolConfigurationException", 9, "identity pool configuration error"),
      // Every web-identity federation (EKS service accounts, GitHub Actions …) gets this same denial: only
      // with Cognito in sight is it the identity pool's role.
      msg("sts:assumerolewithwebidentity", String.raw`not authorized to perform:? sts:assumerolewithwebidentity`, 5, "STS refused the web-identity role"),
      msg("cognito", "cognito", W.context, "Cognito"),
      // The same STS denial from other web-identity federations: GitHub Actions, EKS service accounts.
      msg("github actions", String.raw`github actions`, -5, "GitHub Actions' OIDC federation, not an identity pool"),
      msg("could not assume role with oidc", String.raw`could not assume role with oidc`, -5, "aws-actions/configure-aws-credentials, not an identity pool"),
      msg("token.actions.githubusercontent.com", String.raw`token\.actions\.githubusercontent\.com`, -5, "GitHub's OIDC issuer"),
      msg("oidc.eks.", String.raw`\boidc\.eks\.`, -5, "an EKS cluster's OIDC issuer"),
      msg("serviceaccount", String.raw`serviceaccount`, -5, "a Kubernetes service account"),
      msg("\"accessdenied\"", String.raw`"errorcode"\s*:\s*"accessdenied"`, W.context, "CloudTrail event with errorCode AccessDenied"),
      // CloudTrail's record of a refused AssumeRoleWithWebIdentity carries this instead of the API's text
      // (re:Post knowledge center eks-troubleshoot-sdk-workload; greenpau/argo-workflows-aws-plugin).
      // Alone the text is every service's (SCP denials, launch templates…): only after the event name, as records have it.
      msg("an unknown error occurred", String.raw`assumerolewithwebidentity[\s\S]{0,300}an unknown error occurred`, W.strong, "CloudTrail's record of a refused AssumeRoleWithWebIdentity (\"An unknown error occurred\")"),
      msg("cognito-identity.amazonaws.com:", String.raw`cognito-identity\.amazonaws\.com:(?:aud|amr)`, W.weak, "trust-policy condition keys"),
      msg("信頼", String.raw`信頼(?:関係|ポリシー)`, W.weak, "trust relationship (Japanese)"),
      trail(["refused"], 6, "CloudTrail shows AssumeRoleWithWebIdentity refused"),
      variant(["iam"], W.generic, "IAM credentials were needed"),
    ],
    cause:
      "GetCredentialsForIdentity (enhanced flow) or AssumeRoleWithWebIdentity (basic flow) could not assume the role: the pool has no " +
      "authenticated role, or the role's trust policy does not name this pool in cognito-identity.amazonaws.com:aud, allows only another amr, " +
      "or uses sts:AssumeRole instead of sts:AssumeRoleWithWebIdentity. The app then has no AWS credentials at all.",
    fix: [
      { text: "Give the role a trust policy for this identity pool (sts:TagSession is needed only when the pool maps attributes to principal tags).", snippet: { lang: "json", code: TRUST_POLICY } },
      { text: "Check the pool's roles: `aws cognito-identity get-identity-pool-roles --identity-pool-id <id>` and the role's trust: `aws iam get-role --role-name <name>`." },
      {
        text: "The IAM policy simulator does not evaluate trust policies for sts:AssumeRoleWithWebIdentity (aws/aws-cli#10314): check the trust against your identity on the Role check page (/policy), or with the CLI.",
        snippet: { lang: "sh", code: "aws iam get-role --role-name <name> --query Role.AssumeRolePolicyDocument > trust.json\nauth-flow-debugger policy-check --trust trust.json --identity-pool <region>:<identity pool id>" },
      },
      { text: "In CloudTrail look for AssumeRoleWithWebIdentity with errorCode AccessDenied at the time of the failure. Its errorMessage says only \"An unknown error occurred\": the cause is the role's trust policy, whatever the message." },
    ],
    source: [
      { kind: "seed", ref: "001", note: "deliberately broken trust relationship reproduces this error" },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html" },
      { kind: "issue", url: "https://github.com/amazon-archives/amazon-cognito-auth-js/issues/167" },
      { kind: "doc", url: "https://repost.aws/knowledge-center/eks-troubleshoot-sdk-workload", note: "a denied AssumeRoleWithWebIdentity event: \"errorCode\": \"AccessDenied\", \"errorMessage\": \"An unknown error occurred\"" },
    ],
  },
  {
    id: "identity-pool-token",
    title: "Identity pool refuses the login token (provider not configured, wrong token, no guest access)",
    services: ["identity-pool", "cognito"],
    signals: [
      concept("プール", String.raw`id\s*プール`, "the identity pool (Japanese)"),
      concept("identity", String.raw`\bidentity ?pool\b`, "the identity pool"),
      concept("logins", String.raw`\blogins\b`, "the Logins map"),
      concept("provider", String.raw`\b(?:identity |authentication )?providers?\b`, "the identity provider"),
      concept("get", String.raw`\bget(?:id|credentialsforidentity|openidtoken)\b`, "GetId / GetCredentialsForIdentity"),
      phrase("Token is not from a supported provider of this identity pool", W.verbatim, "GetId/GetCredentialsForIdentity"),
      msg(
        "invalid login token",
        String.raw`invalid login token\. (?:not a cognito token|not a valid openid connect identity token|couldn't verify signed token|issuer doesn't match providername|missing a required claim: aud)`,
        W.strong,
        "Logins token refused",
      ),
      phrase("Invalid login token", 5, "Logins token refused"),
      phrase("Unauthenticated access is not supported for this identity pool", 9, "no token reached the pool and guests are off"),
      msg("logins don", String.raw`logins don'?t match`, 7, "identity bound to other logins"),
      msg("access to identity", String.raw`access to identity '[^']*' is forbidden`, 7, "identity id belongs to another login"),
      tokenUse(["access"], W.weak, "an access token (Logins takes the ID token)"),
      status([400], W.generic, "Cognito identity 400"),
    ],
    cause:
      "The Logins map must hold the user pool's ID token under the key cognito-idp.<region>.amazonaws.com/<userPoolId>, and the identity pool " +
      "must list that user pool and app client as an authentication provider. Another pool or region in the key, an app client not listed, an access " +
      "token instead of the ID token, or no token at all (with guest access off) is refused before any role is assumed.",
    fix: [
      { text: "Add the user pool and app client under the identity pool's authentication providers (Cognito tab), matching region and client id." },
      { text: "Send the ID token in Logins with the exact provider key.", snippet: { lang: "ts", code: "Logins: {\n  [`cognito-idp.${region}.amazonaws.com/${userPoolId}`]: session.tokens.idToken.toString(),\n}" } },
      { text: "After changing providers, clear the cached identity id (Amplify: sign out and in) — an identity bound to other logins is refused." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-integrating-user-pools-with-identity-pools.html" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/2067" },
      { kind: "issue", url: "https://github.com/aws-amplify/aws-sdk-android/issues/52" },
    ],
  },
  {
    id: "identity-pool-guest-scope-down",
    title: "Guest (unauthenticated) credentials are scoped down by Cognito: the service is not on the guest list",
    services: ["identity-pool", "iam", "agentcore", "sts", "aws-sdk", "bedrock"],
    signals: [
      concept("未認証", String.raw`未認証`, "guest access (Japanese)"),
      concept("プール", String.raw`id\s*プール`, "the identity pool (Japanese)"),
      concept("guest", String.raw`\bguest\b`, "guest access"),
      concept("identity", String.raw`\bidentity ?pool\b`, "the identity pool"),
      concept("administratoraccess", String.raw`administratoraccess`, "AdministratorAccess (that did not help)"),
      msg("because no session policy allows", String.raw`because no session policy allows(?: the)?`, W.strong, "a session policy, not the role, lacks the action"),
      msg("unauthenticated user", String.raw`cognito unauthenticated user not authorized`, W.hint, "a Cognito guest was refused"),
      // A guest role refused a service that is not on Cognito's guest list (Cognito developer guide,
      // "IAM roles" → access policies; the same list as sandbox/cognito-identity/guest-session-policy.ts).
      msg("unauth", String.raw`assumed-role/[^/\s"]*unauth[^\s"]*\s+is not authorized to perform:? (?!(?:appsync|cloudwatch|cognito-identity|cognito-sync|comprehend|dynamodb|gamelift|iot|firehose|kinesis|lambda|lex|geo|machinelearning|mobileanalytics|mobiletargeting|polly|rekognition|sdb|ses|sns|sqs|s3|transcribe|translate|kms|sagemaker|textract|sumerian|rum|personalize):)[a-z0-9-]+:`, W.strong, "a guest (unauthenticated role) refused a service outside Cognito's guest list"),
      msg("cognitoidentitycredentials", String.raw`assumed-role/[^/\s"]+/cognitoidentitycredentials`, W.context, "identity-pool credentials (session CognitoIdentityCredentials)"),
      msg("assumed-role/", String.raw`assumed-role/[^/\s"]*unauth`, W.context, "the pool's unauthenticated role"),
      msg("bedrock-agentcore:", String.raw`not authorized to perform:? bedrock-agentcore:\S+ on resource: \S+ because no session policy`, W.context, "AgentCore is not on Cognito's guest list"),
      variant(["iam"], W.generic, "IAM credentials were used"),
      status([403], W.generic, "refused"),
    ],
    cause:
      "In the enhanced flow (GetCredentialsForIdentity) Cognito attaches a session policy to guest credentials that allows only a documented " +
      "list of services (AppSync, DynamoDB, Lambda, S3, Kinesis, Polly, Translate, Location, Pinpoint and some others; the managed policy " +
      "AmazonCognitoUnAuthedIdentitiesSessionPolicy). Whatever the unauthenticated role allows, any other service (Bedrock AgentCore, Step " +
      "Functions, SSM …) is refused \"because no session policy allows\" the action. Signed-in identities get no such scope-down.",
    fix: [
      { text: "Have the user sign in and send the ID token in Logins: authenticated credentials are not scoped down." },
      {
        text: "For guests, use the basic flow (enable it on the identity pool): GetId, GetOpenIdToken, then sts:AssumeRoleWithWebIdentity with the unauthenticated role; the guest role's own policies then apply.",
        snippet: {
          lang: "sh",
          code: "aws cognito-identity update-identity-pool --identity-pool-id <id> --identity-pool-name <name> \\\n  --allow-unauthenticated-identities --allow-classic-flow\n# then: get-id, get-open-id-token, sts assume-role-with-web-identity --role-arn <unauth role>",
        },
      },
      { text: "Or put the call behind a service that is on the list (an AppSync resolver or a Lambda function) that calls the other service with its own role." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html", note: "Access policies: the scope-down and its list of services; \"you must use the basic authentication flow\"" },
      { kind: "doc", url: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-js-v3/issues/3262", note: "because no session policy allows the states:ListExecutions action" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-js/issues/4303", note: "Cognito unauthenticated user, ssm:GetParameter" },
    ],
  },
  {
    id: "identity-pool-role-mapping",
    title: "Credentials came from another role than expected (guest role or role mapping)",
    services: ["identity-pool", "sts", "appsync", "agentcore", "bedrock"],
    signals: [
      concept("プール", String.raw`id\s*プール`, "the identity pool (Japanese)"),
      concept("マッピング", String.raw`ロール(?:の)?マッピング`, "the role mapping (Japanese)"),
      concept("role", String.raw`\brole mappings?\b`, "role mapping"),
      concept("cognito:", String.raw`\bcognito:(?:preferred_)?roles?\b`, "the token's role claims"),
      concept("identity", String.raw`\bidentity ?pool\b`, "the identity pool"),
      concept("role", String.raw`\b(?:wrong|another|different|other) role\b`, "another role"),
      trail(["assumed-other-role"], 7, "CloudTrail: the pool assumed a different role than configured"),
      msg("assumed-role/", String.raw`assumed-role/[^/\s"]*unauth`, 7, "an unauthenticated-role session"),
      // Cognito's answer when a rules-based mapping matches nothing and AmbiguousRoleResolution is Deny
      // (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html).
      phrase("The ambiguous role mapping rules denied this request", W.verbatim, "role mapping rules matched nothing and resolution is Deny"),
      msg("unauth", String.raw`\bunauth(?:enticated)?\b[^.\n]{0,10}\b(?:iam )?role\b`, 6, "calls made with the unauthenticated role"),
      msg("未認証ロール", String.raw`未認証ロール`, W.context, "unauthenticated role (Japanese)"),
      variant(["iam"], W.generic, "IAM credentials were used"),
    ],
    cause:
      "The identity pool handed out credentials for another role: the unauthenticated (guest) role because no Logins reached it (signed out, " +
      "token not passed), or a rules/token-based role mapping chose another role (cognito:preferred_role, group precedence). That role lacks the permission.",
    fix: [
      { text: "Check which role the credentials belong to.", snippet: { lang: "sh", code: "aws sts get-caller-identity   # Arn: arn:aws:sts::<acct>:assumed-role/<role>/CognitoIdentityCredentials" } },
      { text: "Make sure the call happens after sign-in, with the ID token in Logins; review the pool's role mappings and the user's groups." },
    ],
    source: [{ kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html" }, { kind: "seed", ref: "001", note: "checking which role was assumed" }],
  },
  {
    id: "cloudtrail-no-assume-role",
    title: "No AssumeRoleWithWebIdentity in CloudTrail around the failure",
    services: ["identity-pool", "sts", "appsync", "agentcore", "bedrock"],
    signals: [
      trail(["absent"], 5, "CloudTrail has no AssumeRoleWithWebIdentity for the call"),
      variant(["iam"], W.generic, "IAM credentials were used"),
    ],
    cause:
      "The credentials used were not minted by the identity pool in the time searched: the app used cached or other credentials, the lookup " +
      "ran in another region than the pool's (LookupEvents is per region), or the event has not arrived yet (delivery takes about 5 minutes).",
    fix: [
      { text: "Search the identity pool's region and widen the window; retry after a few minutes.", snippet: { lang: "sh", code: "aws cloudtrail lookup-events --region <pool region> \\\n  --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRoleWithWebIdentity --max-results 50" } },
      { text: "Compare the access key id in the failing request with the one the app just received." },
    ],
    source: [{ kind: "seed", ref: "001", note: "CloudTrail as the way to see whether the role was assumed" }, { kind: "doc", url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html" }],
  },
];
