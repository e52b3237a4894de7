import { z } from "zod";
import { REGION_PATTERN, USER_POOL_ID_PATTERN } from "../../lib/config/environment";
import { SANDBOX_AUTH_MODES } from "./auth-modes";
import { lambdaAuthorizerSchema } from "./lambda-scenario";
import { buildAppSyncSchema } from "./schema";

/**
 * The `appSyncApis` key of a scenario file: AppSync GraphQL APIs with their auth configuration
 * (as `aws appsync get-graphql-api` shows it), an SDL schema and seed data for the in-memory
 * resolvers. AWS_LAMBDA takes a lambdaAuthorizerConfig whose function is a decision table
 * (lambda-scenario.ts).
 */

/** Real API ids are 26 lowercase letters and digits (the first label of the API host). */
const APPSYNC_API_ID_PATTERN = /^[a-z0-9]{26}$/;
/** AppSync API keys: `da2-` and 26 lowercase letters and digits. */
const API_KEY_PATTERN = /^da2-[a-z0-9]{26}$/;

const apiKeySchema = z.strictObject({
  id: z.string().regex(API_KEY_PATTERN, "API key ids look like da2-<26 lowercase letters and digits>"),
  // ISO 8601 for readability; AppSync itself reports epoch seconds.
  expires: z.string().datetime({ offset: true, message: "expires must be an ISO 8601 date-time, e.g. 2099-01-01T00:00:00Z" }),
});

const userPoolConfigSchema = z.strictObject({
  userPoolId: z.string().regex(USER_POOL_ID_PATTERN, "user pool id must look like ap-northeast-1_AbC123"),
  appIdClientRegex: z.string().optional(),
  defaultAction: z.enum(["ALLOW", "DENY"]).default("ALLOW"),
});

const oidcConfigSchema = z.strictObject({
  /** `{sandbox}` at the start stands for the sandbox's URL, known only once it listens. */
  issuer: z.string().min(1),
  clientId: z.string().optional(),
  /** Milliseconds, as AppSync's API takes them. */
  iatTTL: z.number().int().nonnegative().optional(),
  authTTL: z.number().int().nonnegative().optional(),
});

export const appSyncApiSchema = z
  .strictObject({
    id: z.string().regex(APPSYNC_API_ID_PATTERN, "AppSync API ids are 26 lowercase letters and digits"),
    name: z.string().min(1),
    region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
    defaultAuthMode: z.enum(SANDBOX_AUTH_MODES),
    additionalAuthModes: z.array(z.enum(SANDBOX_AUTH_MODES)).default([]),
    apiKeys: z.array(apiKeySchema).default([]),
    userPoolConfig: userPoolConfigSchema.optional(),
    openIdConnectConfig: oidcConfigSchema.optional(),
    lambdaAuthorizerConfig: lambdaAuthorizerSchema.optional(),
    schema: z.string().min(1),
    /** `{TypeName: [rows]}` for lists and lookups by id; `{"Type.field": value}` for fixed answers. */
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((api, ctx) => {
    const modes = [api.defaultAuthMode, ...api.additionalAuthModes];
    if (new Set(modes).size !== modes.length) {
      ctx.addIssue({ code: "custom", path: ["additionalAuthModes"], message: "each auth mode may appear once (default included)" });
    }
    if (modes.includes("AMAZON_COGNITO_USER_POOLS") && !api.userPoolConfig) {
      ctx.addIssue({ code: "custom", path: ["userPoolConfig"], message: "required when AMAZON_COGNITO_USER_POOLS is a mode" });
    }
    if (modes.includes("OPENID_CONNECT") && !api.openIdConnectConfig) {
      ctx.addIssue({ code: "custom", path: ["openIdConnectConfig"], message: "required when OPENID_CONNECT is a mode" });
    }
    if (modes.includes("AWS_LAMBDA") && !api.lambdaAuthorizerConfig) {
      ctx.addIssue({ code: "custom", path: ["lambdaAuthorizerConfig"], message: "required when AWS_LAMBDA is a mode" });
    }
    try {
      buildAppSyncSchema(api.schema);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["schema"], message: `not a valid AppSync schema: ${(error as Error).message}` });
    }
  });

export type ScenarioAppSyncApi = z.infer<typeof appSyncApiSchema>;
