/**
 * Every refused cell of every sandbox scenario, and the rule that names why it was refused —
 * derived from the scenario's configuration and story (sandbox/scenarios/*.json) and from what AWS
 * documents, not from what the engine happens to answer. The e2e spec (e2e/scenario-diagnoses.spec.ts)
 * checks the page against it; scenario-diagnoses.test.ts checks withDiagnosis() on recorded cells.
 *
 * `outcome` is what the page shows: "fail" (AWS refused the call) or "not-run" (AWS refused a
 * prerequisite: the identity pool would not hand out credentials). `relay`: the browser is blocked
 * (the gateway sends no CORS headers) and the refusal shows once the cell is re-run through the relay.
 * mfa-required, identity-pool-role-mapping and identity-pool-rules-deny are absent: their environments
 * have no AppSync API and no AgentCore runtime, so no test calls (the role mapping's refusal shows on
 * the Session page, e2e/role-mapping.spec.ts).
 */

export interface RefusedCell {
  readonly cell: `${string}|${string}`;
  readonly rule: string;
  readonly why: string;
  readonly outcome?: "fail" | "not-run";
  readonly relay?: true;
}

export interface ScenarioRun {
  /** The scenario, plus "#guest" for the run made without signing in. */
  readonly run: string;
  readonly scenario: string;
  /** Absent: not signed in (the identity pool's guest credentials). */
  readonly signIn?: readonly [email: string, password: string];
  /** Whether the environment has an AppSync API (the page then waits for its example query). */
  readonly appSync: boolean;
  /** The token typed in for the AWS_LAMBDA column (the scenario's decision table says what it gets). */
  readonly lambdaToken?: string;
  readonly refused: readonly RefusedCell[];
}

const DEMO = ["demo@example.com", "Demo-Passw0rd!"] as const;
const LAMBDA_USER = ["lambda@example.com", "Lambda-Passw0rd!"] as const;

/**
 * The AWS_LAMBDA scenarios' API has a user-pool mode and fields without @aws_cognito_user_pools:
 * the user's tokens reach the user-pool mode and are denied field by field. (No API key, no
 * identity pool: those cells do not run.)
 */
const lambdaApiOtherCells: RefusedCell[] = [
  ...["appsync-http|access-token", "appsync-http|id-token", "appsync-realtime|access-token", "appsync-realtime|id-token", "appsync-http|amplify:AMAZON_COGNITO_USER_POOLS"].map((cell) => ({
    cell: cell as RefusedCell["cell"],
    rule: "appsync-field-not-authorized",
    why: "a JWT goes to the user-pool mode, not the authorizer (amplify-js#9513); the fields carry no @aws_cognito_user_pools, so only the default AWS_LAMBDA mode may read them",
  })),
];

const JWT_TO_IAM_RUNTIME = "the runtime is AWS_IAM; a bearer token is the wrong kind of credential (seed 003)";
/** SigV4 with X-Amzn-Bedrock-AgentCore-Runtime-User-Id where the role allows InvokeAgentRuntime only. */
const perUserCellOfAnIamRuntime: RefusedCell = {
  cell: "agentcore-http|sigv4-user-id",
  rule: "agentcore-invoke-for-user-denied",
  why: "the user-id header also needs bedrock-agentcore:InvokeAgentRuntimeForUser, which the role does not allow (InvokeAgentRuntime's documentation in the service model)",
};
const jwtCellsOfAnIamRuntime: RefusedCell[] = ["agentcore-http|access-token", "agentcore-http|id-token", "agentcore-ws|access-token", "agentcore-ws|id-token"].map(
  (cell) => ({ cell: cell as RefusedCell["cell"], rule: "agentcore-auth-method-mismatch", why: JWT_TO_IAM_RUNTIME }),
);

/**
 * The Event API of appsync-events-namespace-modes: namespace alerts is published to with IAM only
 * and subscribed to with the API key or IAM, so every other credential is refused on that operation.
 */
const ALERTS_MODES = "alerts' publish modes are AWS_IAM only and its subscribe modes API_KEY and AWS_IAM (ChannelNamespace publishAuthModes / subscribeAuthModes): any other credential is refused on that operation";
const eventModeCells: RefusedCell[] = [
  "events-http-publish|api-key", "events-http-publish|id-token", "events-http-publish|access-token",
  "events-ws-publish|api-key", "events-ws-publish|id-token", "events-ws-publish|access-token",
  "events-ws-subscribe|id-token", "events-ws-subscribe|access-token",
].map((cell) => ({ cell: cell as RefusedCell["cell"], rule: "appsync-events-namespace-auth-mode", why: ALERTS_MODES }));

export const SCENARIO_RUNS: readonly ScenarioRun[] = [
  { run: "demo", scenario: "demo", signIn: DEMO, appSync: true, refused: [] },
  {
    run: "appsync-events-namespace-modes",
    scenario: "appsync-events-namespace-modes",
    signIn: ["events@example.com", "Events-Passw0rd!"],
    appSync: false,
    refused: eventModeCells,
  },
  {
    run: "appsync-role-wrong-resource",
    scenario: "appsync-role-wrong-resource",
    signIn: ["migrate@example.com", "Migrate-Passw0rd!"],
    appSync: true,
    refused: [
      ...["appsync-http|iam", "appsync-realtime|iam", "appsync-http|amplify:AWS_IAM"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "appsync-unauthorized-iam",
        why: "the authenticated role allows appsync:GraphQL on the old account's API id, not this one (seed 001); AppSync answers 401 Permission denied",
      })),
    ],
  },
  {
    run: "identity-pool-trust-broken",
    scenario: "identity-pool-trust-broken",
    signIn: ["trust@example.com", "Trust-Passw0rd!"],
    appSync: true,
    refused: [
      ...["appsync-http|iam", "appsync-realtime|iam"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "identity-pool-config",
        outcome: "not-run" as const,
        why: "the role's trust policy names another identity pool: GetCredentialsForIdentity answers InvalidIdentityPoolConfigurationException, so there are no IAM credentials",
      })),
    ],
  },
  {
    run: "appsync-user-pool-only",
    scenario: "appsync-user-pool-only",
    signIn: ["pool@example.com", "PoolOnly-Passw0rd!"],
    appSync: true,
    refused: [
      ...["appsync-http|iam", "appsync-realtime|iam"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "appsync-auth-mode-missing",
        why: "the API's only mode is AMAZON_COGNITO_USER_POOLS: a SigV4 signature is read as a JWT (aws-amplify/docs#1884); no role policy can fix it",
      })),
    ],
  },
  {
    run: "agentcore-jwt",
    scenario: "agentcore-jwt",
    signIn: DEMO,
    appSync: false,
    refused: [
      { cell: "agentcore-http|id-token", rule: "cognito-client-id-mismatch", why: "allowedClients checks client_id, which ID tokens do not carry (seed 000)" },
      { cell: "agentcore-ws|id-token", rule: "cognito-client-id-mismatch", why: "allowedClients checks client_id, which ID tokens do not carry (seed 000)" },
      { cell: "agentcore-http|sigv4", rule: "agentcore-auth-method-mismatch", why: "the runtime is CUSTOM_JWT; SigV4 is the wrong kind of credential (seed 003)" },
      { cell: "agentcore-ws|sigv4", rule: "agentcore-auth-method-mismatch", why: "the runtime is CUSTOM_JWT; a presigned URL is the wrong kind of credential" },
      { cell: "agentcore-http|sigv4-user-id", rule: "agentcore-auth-method-mismatch", why: "the runtime is CUSTOM_JWT; SigV4 with the user-id header is still SigV4" },
      { cell: "gateway-mcp|id-token", rule: "cognito-client-id-mismatch", relay: true, why: "the gateway's allowedClients checks client_id, which ID tokens do not carry" },
      { cell: "gateway-mcp|sigv4", rule: "agentcore-auth-method-mismatch", relay: true, why: "the gateway is CUSTOM_JWT; SigV4 is the wrong kind of credential" },
    ],
  },
  {
    run: "agentcore-iam",
    scenario: "agentcore-iam",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...jwtCellsOfAnIamRuntime,
      perUserCellOfAnIamRuntime,
      { cell: "gateway-mcp|access-token", rule: "agentcore-auth-method-mismatch", relay: true, why: "the gateway is AWS_IAM: a bearer token is not a signature (IncompleteSignatureException)" },
      { cell: "gateway-mcp|id-token", rule: "agentcore-auth-method-mismatch", relay: true, why: "the gateway is AWS_IAM: a bearer token is not a signature (IncompleteSignatureException)" },
    ],
  },
  {
    run: "agentcore-ws-permission-missing",
    scenario: "agentcore-ws-permission-missing",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...jwtCellsOfAnIamRuntime,
      perUserCellOfAnIamRuntime,
      { cell: "agentcore-ws|sigv4", rule: "agentcore-websocket-auth", why: "grantInvoke allowed InvokeAgentRuntime only, not InvokeAgentRuntimeWithWebSocketStream (aws-cdk#37495)" },
    ],
  },
  {
    run: "agentcore-audience-misconfigured",
    scenario: "agentcore-audience-misconfigured",
    signIn: DEMO,
    appSync: false,
    refused: [
      { cell: "agentcore-http|access-token", rule: "cognito-client-id-mismatch", why: "allowedAudience is set too, and Cognito access tokens carry no aud" },
      { cell: "agentcore-ws|access-token", rule: "cognito-client-id-mismatch", why: "allowedAudience is set too, and Cognito access tokens carry no aud" },
      { cell: "agentcore-http|id-token", rule: "cognito-client-id-mismatch", why: "allowedClients checks client_id, which ID tokens do not carry (seed 000)" },
      { cell: "agentcore-ws|id-token", rule: "cognito-client-id-mismatch", why: "allowedClients checks client_id, which ID tokens do not carry (seed 000)" },
    ],
  },
  {
    run: "agentcore-m2m-scopes",
    scenario: "agentcore-m2m-scopes",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...["agentcore-http|access-token", "agentcore-ws|access-token"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "oauth-token-lacks-scope",
        why: "allowedScopes is agentcore-api/invoke; a sign-in access token carries only aws.cognito.signin.user.admin (aws/aws-sdk#178)",
      })),
      ...["agentcore-http|id-token", "agentcore-ws|id-token"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "cognito-client-id-mismatch",
        why: "allowedClients checks client_id, which ID tokens do not carry (seed 000)",
      })),
      { cell: "gateway-mcp|id-token", rule: "cognito-client-id-mismatch", relay: true, why: "the gateway's allowedClients checks client_id, which ID tokens do not carry" },
      { cell: "gateway-mcp|access-token", rule: "agentcore-gateway-jwt-rejected", relay: true, why: "the gateway names no claim (\"Invalid Bearer token\"); here it is allowedScopes, which the sign-in token cannot meet" },
    ],
  },
  {
    run: "agentcore-custom-claims",
    scenario: "agentcore-custom-claims",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...["agentcore-http|access-token", "agentcore-ws|access-token"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "cognito-claim-only-in-id-token",
        why: "customClaims wants tenant_id; the pool's V1_0 pre token generation trigger writes it into the ID token only (Cognito guide, pre token generation)",
      })),
      ...["agentcore-http|id-token", "agentcore-ws|id-token"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "cognito-client-id-mismatch",
        why: "the ID token has tenant_id but no client_id, which allowedClients checks (seed 000)",
      })),
      { cell: "gateway-mcp|id-token", rule: "cognito-client-id-mismatch", relay: true, why: "the gateway's allowedClients checks client_id, which ID tokens do not carry" },
      { cell: "gateway-mcp|access-token", rule: "agentcore-gateway-jwt-rejected", relay: true, why: "the gateway names no claim (\"Invalid Bearer token\"); here it is customClaims tenant_id, missing from the access token" },
    ],
  },
  {
    run: "agentcore-custom-claims-fixed",
    scenario: "agentcore-custom-claims-fixed",
    signIn: DEMO,
    appSync: false,
    // The V3_0 trigger writes tenant_id into the access token: only the ID token still fails.
    refused: [
      ...["agentcore-http|id-token", "agentcore-ws|id-token"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "cognito-client-id-mismatch",
        why: "allowedClients checks client_id, which ID tokens do not carry (seed 000)",
      })),
      { cell: "gateway-mcp|id-token", rule: "cognito-client-id-mismatch", relay: true, why: "the gateway's allowedClients checks client_id, which ID tokens do not carry" },
    ],
  },
  { run: "identity-pool-guest-agentcore", scenario: "identity-pool-guest-agentcore", signIn: ["guest-demo@example.com", "Guest-Passw0rd!"], appSync: false, refused: [...jwtCellsOfAnIamRuntime, perUserCellOfAnIamRuntime] },
  {
    run: "identity-pool-guest-agentcore#guest",
    scenario: "identity-pool-guest-agentcore",
    appSync: false,
    refused: ["agentcore-http|sigv4", "agentcore-ws|sigv4"].map((cell) => ({
      cell: cell as RefusedCell["cell"],
      rule: "identity-pool-guest-scope-down",
      why: "guests' enhanced-flow credentials carry Cognito's session policy, whose list of services has no AgentCore (Cognito guide, IAM roles)",
    })),
  },
  {
    run: "agentcore-cross-account",
    scenario: "agentcore-cross-account",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...jwtCellsOfAnIamRuntime,
      ...["agentcore-http|sigv4", "agentcore-http|sigv4-user-id", "agentcore-ws|sigv4"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "iam-cross-account-resource-policy",
        why: "the runtime is in another account and has no resource-based policy; Resource \"*\" in the caller's role is not enough (agentcore-cli#607)",
      })),
    ],
  },
  {
    run: "appsync-lambda-authorizer",
    scenario: "appsync-lambda-authorizer",
    signIn: LAMBDA_USER,
    appSync: true,
    lambdaToken: "revoked-token",
    refused: [
      ...["appsync-http|lambda-token", "appsync-realtime|lambda-token", "appsync-http|amplify:AWS_LAMBDA"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "appsync-lambda-authorizer-denied",
        why: "the authorizer answers isAuthorized: false for this token; AppSync's fixed 401 says nothing of why (aws-appsync-community#372)",
      })),
      ...lambdaApiOtherCells,
    ],
  },
  {
    run: "appsync-lambda-not-invokable",
    scenario: "appsync-lambda-not-invokable",
    signIn: LAMBDA_USER,
    appSync: true,
    lambdaToken: "notes-reader-token",
    refused: [
      ...["appsync-http|lambda-token", "appsync-http|amplify:AWS_LAMBDA"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "appsync-lambda-authorizer-not-invoked",
        why: "no resource-based policy lets appsync.amazonaws.com invoke the function: a bare BadRequestException (aws-cdk#19239)",
      })),
      {
        cell: "appsync-realtime|lambda-token",
        rule: "appsync-lambda-authorizer-denied",
        why: "over realtime AppSync refuses the connection in the same words whatever went wrong (the realtime answer for an authorizer it cannot invoke is unconfirmed); the rule's cause says to check the invoke permission when the function never ran",
      },
      ...lambdaApiOtherCells,
    ],
  },
  {
    run: "updated-issuer",
    scenario: "updated-issuer",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...["agentcore-http|access-token", "agentcore-http|id-token", "agentcore-ws|access-token", "agentcore-ws|id-token"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "cognito-issuer-form-mismatch",
        why: "the pool signs with the UPDATED issuer; the runtime's discoveryUrl still names the ORIGINAL one, and iss is checked first",
      })),
      { cell: "gateway-mcp|id-token", rule: "cognito-client-id-mismatch", relay: true, why: "the gateway's discoveryUrl is UPDATED (iss passes); its allowedClients checks client_id, which ID tokens do not carry" },
    ],
  },
  {
    run: "agentcore-user-id-permission-missing",
    scenario: "agentcore-user-id-permission-missing",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...jwtCellsOfAnIamRuntime,
      perUserCellOfAnIamRuntime,
      { cell: "agentcore-ws|sigv4", rule: "agentcore-websocket-auth", why: "the role allows InvokeAgentRuntime only, not InvokeAgentRuntimeWithWebSocketStream" },
    ],
  },
  {
    run: "agentcore-agent-failing",
    scenario: "agentcore-agent-failing",
    signIn: DEMO,
    appSync: false,
    refused: [
      ...jwtCellsOfAnIamRuntime,
      ...["agentcore-http|sigv4", "agentcore-http|sigv4-user-id"].map((cell) => ({
        cell: cell as RefusedCell["cell"],
        rule: "agentcore-runtime-client-error",
        why: "the credentials are accepted; the agent's container does not start: 424 RuntimeClientError (neo4j-partners/aws-starter, agentcore-samples#314)",
      })),
      { cell: "agentcore-ws|sigv4", rule: "agentcore-websocket-auth", why: "the role allows the HTTP invocations only, not InvokeAgentRuntimeWithWebSocketStream" },
    ],
  },
  {
    run: "appsync-role-explicit-deny",
    scenario: "appsync-role-explicit-deny",
    signIn: ["deny@example.com", "Deny-Passw0rd!"],
    appSync: true,
    refused: [],
  },
];
