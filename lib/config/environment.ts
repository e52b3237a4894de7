import { z } from "zod";
import { identityPoolRolesSchema } from "../identity/role-mapping/schema";
import { ISSUER_FORMS } from "../tokens/issuer";

/**
 * An environment says where one Cognito environment (and the APIs behind it) lives.
 * This schema is the single definition: the form, the amplify_outputs.json importer, server
 * presets and the sandbox's own preset list all produce values that must pass it.
 */

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
export const USER_POOL_ID_PATTERN = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)_[0-9a-zA-Z]+$/;
// Cognito's documented pattern for app client ids is [\w+]+ (1–128); real ones are 26 chars.
export const CLIENT_ID_PATTERN = /^[\w+]{1,128}$/;
export const IDENTITY_POOL_ID_PATTERN = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d:[0-9a-f-]+$/;
export const RUNTIME_ARN_PATTERN =
  /^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:\d{12}:runtime\/[A-Za-z0-9_-]+$/;

const SIGN_IN_FLOWS = ["USER_SRP_AUTH", "USER_PASSWORD_AUTH"] as const;
export const APPSYNC_AUTH_MODES = [
  "API_KEY",
  "AMAZON_COGNITO_USER_POOLS",
  "AWS_IAM",
  "OPENID_CONNECT",
  "AWS_LAMBDA",
] as const;
const ENVIRONMENT_SOURCES = ["user", "preset", "sandbox"] as const;

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `${what} must be an http(s) URL`);

export const appSyncApiSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  url: httpUrl("AppSync url").refine((v) => /\/graphql$/.test(new URL(v).pathname), {
    message: "AppSync url must end in /graphql",
  }),
  region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
  defaultAuthMode: z.enum(APPSYNC_AUTH_MODES),
  additionalAuthModes: z.array(z.enum(APPSYNC_AUTH_MODES)).default([]),
  apiKey: z.string().trim().min(1).optional(),
});
export type AppSyncApi = z.infer<typeof appSyncApiSchema>;

/**
 * An AppSync Event API: its HTTP endpoint (`https://{http domain}/event`, what amplify_outputs'
 * and Amplify's `API.Events.endpoint` name), an API key if it has one, and the channel the test
 * calls publish to and subscribe on (`/{namespace}/…`, no wildcard: a wildcard cannot be published to).
 */
export const appSyncEventApiSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  url: httpUrl("Event API url").refine((v) => /\/event$/.test(new URL(v).pathname), { message: "Event API url must end in /event" }),
  region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
  apiKey: z.string().trim().min(1).optional(),
  channel: z
    .string()
    .trim()
    .regex(/^\/?[A-Za-z0-9-]{1,50}(\/[A-Za-z0-9-]{1,50}){0,4}$/, "channel must look like /namespace/path (letters, digits, dashes; no wildcard)")
    .default("/default/test"),
});
export type AppSyncEventApi = z.infer<typeof appSyncEventApiSchema>;

const agentCoreSchema = z.object({
  runtimeArn: z
    .string()
    .trim()
    .regex(
      RUNTIME_ARN_PATTERN,
      "runtime ARN must look like arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/my_agent-AbC123",
    )
    .optional(),
  qualifier: z.string().trim().min(1).max(100).default("DEFAULT"),
  gatewayUrl: httpUrl("gateway url").optional(),
});

/**
 * Endpoint overrides replace AWS's regional endpoints: the local sandbox, VPC endpoints, or a
 * proxy. Absent means "the real AWS endpoint for the environment's region".
 */
const oauthSchema = z.object({
  domain: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "OAuth domain must be a host name, without https://"),
  scopes: z.array(z.string()).default([]),
  redirectSignIn: z.array(z.string()).default([]),
  redirectSignOut: z.array(z.string()).default([]),
  responseType: z.enum(["code", "token"]).default("code"),
  identityProviders: z.array(z.string()).default([]),
});

const poolDetailsSchema = z.object({
  mfaConfiguration: z.string().optional(),
  mfaMethods: z.array(z.string()).optional(),
  passwordPolicy: z
    .object({
      minLength: z.number().int().optional(),
      requireNumbers: z.boolean().optional(),
      requireLowercase: z.boolean().optional(),
      requireUppercase: z.boolean().optional(),
      requireSymbols: z.boolean().optional(),
    })
    .optional(),
  standardRequiredAttributes: z.array(z.string()).optional(),
  userVerificationTypes: z.array(z.string()).optional(),
  unauthenticatedIdentitiesEnabled: z.boolean().optional(),
  groups: z.array(z.string()).optional(),
});

/**
 * What only the local sandbox can tell about an environment: the account its resources live in and
 * the identity pool's roles with their policies (AWS hands neither to a signed-in user), so the role
 * check starts filled in. Policies are checked by lib/iam when used.
 */
const sandboxFactsSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  roles: z
    .array(
      z.object({
        kind: z.enum(["authenticated", "unauthenticated"]),
        arn: z.string(),
        trustPolicy: z.unknown(),
        policies: z.array(z.unknown()),
      }),
    )
    .default([]),
});
export type SandboxFacts = z.infer<typeof sandboxFactsSchema>;

const endpointOverridesSchema = z.object({
  cognitoIdp: httpUrl("Cognito user pool endpoint").optional(),
  cognitoIdentity: httpUrl("Cognito identity endpoint").optional(),
  sts: httpUrl("STS endpoint").optional(),
  agentCore: httpUrl("AgentCore endpoint").optional(),
  cloudTrail: httpUrl("CloudTrail endpoint").optional(),
  /**
   * The user pool domain that serves the OAuth 2.0 endpoints (`/oauth2/token`), without a path:
   * `https://{prefix}.auth.{region}.amazoncognito.com` or a custom domain. Left empty, the
   * environment's `oauth.domain` is used. The sandbox serves it at `{sandbox}/cognito-domain/{prefix}`.
   */
  cognitoDomain: httpUrl("Cognito domain").optional(),
});

export const environmentSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "id must be lowercase letters, digits and dashes"),
    name: z.string().trim().min(1, "name is required").max(100),
    source: z.enum(ENVIRONMENT_SOURCES).default("user"),
    region: z.string().trim().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
    userPoolId: z
      .string()
      .trim()
      .regex(USER_POOL_ID_PATTERN, "user pool id must look like ap-northeast-1_AbC123"),
    userPoolClientId: z
      .string()
      .trim()
      .regex(CLIENT_ID_PATTERN, "app client id must be letters, digits, _ or + (up to 128)"),
    identityPoolId: z
      .string()
      .trim()
      .regex(
        IDENTITY_POOL_ID_PATTERN,
        "identity pool id must look like ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
      )
      .optional(),
    signInFlow: z.enum(SIGN_IN_FLOWS).default("USER_SRP_AUTH"),
    /** How people sign in: `email`, `phone_number`; empty means a plain username. */
    usernameAttributes: z.array(z.enum(["email", "phone_number"])).default([]),
    /**
     * Which issuer the pool writes into iss: its IssuerConfiguration.Type (DescribeUserPool;
     * ORIGINAL | UPDATED, Cognito API reference IssuerConfigurationType). Unset: not known, and
     * tokens of either form count as this pool's, as aws-jwt-verify counts them.
     */
    issuerConfiguration: z.enum(ISSUER_FORMS).optional(),
    oauth: oauthSchema.optional(),
    /** What the pool told Amplify about itself; shown, never needed to sign in. */
    poolDetails: poolDetailsSchema.optional(),
    /**
     * The identity pool's roles and role mappings as GetIdentityPoolRoles answers them, when known
     * (sandbox presets carry them; for AWS they are pasted on the Session page), so the dashboard
     * can say which role the pool chooses for the signed-in user, and why.
     */
    identityPoolRoles: identityPoolRolesSchema.optional(),
    appSync: z.array(appSyncApiSchema).default([]),
    appSyncEvents: z.array(appSyncEventApiSchema).optional(),
    agentCore: agentCoreSchema.optional(),
    endpoints: endpointOverridesSchema.default({}),
    sandboxFacts: sandboxFactsSchema.optional(),
    description: z.string().max(500).optional(),
  })
  .superRefine((environment, ctx) => {
    const poolRegion = USER_POOL_ID_PATTERN.exec(environment.userPoolId)?.[1];
    if (poolRegion && poolRegion !== environment.region) {
      ctx.addIssue({
        code: "custom",
        path: ["userPoolId"],
        message: `user pool id is in ${poolRegion} but the environment's region is ${environment.region}`,
      });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

/** Kept with the issuer helpers (zod-free, so pages can use it without the schema). */
export { environmentIssuer, environmentIssuers } from "../tokens/issuer";
