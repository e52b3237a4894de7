import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../lib/errors";
import { CLIENT_ID_PATTERN, REGION_PATTERN, USER_POOL_ID_PATTERN } from "../lib/config/environment";
import { ISSUER_FORMS } from "../lib/tokens/issuer";
import { identityPoolSchema } from "./cognito-identity/schema";
import { roleArnSchema, roleSchema } from "./iam/roles";
import { appSyncEventApiSchema } from "./appsync/events/scenario";
import { appSyncApiSchema } from "./appsync/scenario";
import { gatewaySchema, runtimeSchema } from "./agentcore/scenario";
import { cloudTrailScenarioKeys } from "./cloudtrail/scenario";
import { clientOAuthKeys, oauthIssues, poolOAuthKeys } from "./cognito-idp/oauth-scenario";
import { preTokenGenerationSchema } from "./cognito-idp/pre-token-generation";

/**
 * A scenario file describes the fake AWS account the sandbox serves: today Cognito user pools,
 * later identity pools, roles, AppSync APIs and AgentCore runtimes. Each service adds its own
 * optional top-level key to `scenarioSchema` below; the object is strict so a typo in a key
 * fails loudly instead of silently doing nothing.
 */

const AUTH_FLOWS = ["USER_SRP_AUTH", "USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH"] as const;
const USER_STATUSES = ["CONFIRMED", "FORCE_CHANGE_PASSWORD"] as const;
/** The second factors the sandbox emulates, by their ChallengeName (SMS is not emulated). */
export const MFA_TYPES = ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] as const;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const clientSchema = z.strictObject({
  id: z.string().regex(CLIENT_ID_PATTERN, "app client id must be letters, digits, _ or + (up to 128)"),
  name: z.string().min(1),
  authFlows: z.array(z.enum(AUTH_FLOWS)).min(1, "list at least one auth flow"),
  // Cognito's limits: ID/access tokens 5 minutes to 1 day, refresh tokens up to 10 years.
  idTokenValidityMinutes: z.number().int().min(5).max(1440),
  accessTokenValidityMinutes: z.number().int().min(5).max(1440),
  refreshTokenValidityDays: z.number().int().min(1).max(3650),
  scopes: z.array(z.string().min(1)).default(["aws.cognito.signin.user.admin"]),
  ...clientOAuthKeys,
});

/**
 * A user's second factors as they stand before the sandbox starts: an authenticator app already
 * registered (AssociateSoftwareToken + VerifySoftwareToken done), email MFA switched on
 * (SetUserMFAPreference), and which one is preferred.
 */
const userMfaSchema = z.strictObject({
  /** Base32 secret of a verified authenticator app, so tests and people can compute its codes. */
  totpSecret: z
    .string()
    .regex(/^[A-Z2-7]{16,128}$/, "totpSecret must be base32 (A-Z, 2-7), at least 16 characters")
    .optional(),
  email: z.boolean().default(false),
  preferred: z.enum(MFA_TYPES).optional(),
});

const userSchema = z.strictObject({
  username: z.string().min(1).max(128),
  /** Defaults to the username when that is a UUID (Gen 2 pools), else a stable derived UUID. */
  sub: z.string().regex(UUID_PATTERN, "sub must be a lowercase UUID").optional(),
  password: z.string().min(1),
  status: z.enum(USER_STATUSES),
  // Booleans are accepted for convenience; Cognito stores every attribute as a string.
  attributes: z.record(z.string(), z.union([z.string(), z.boolean()])).default({}),
  groups: z.array(z.string().min(1)).default([]),
  mfa: userMfaSchema.optional(),
});

/**
 * The pool's MFA settings (SetUserPoolMfaConfig): MfaConfiguration OFF, ON (required) or
 * OPTIONAL, and which factors it allows.
 */
const poolMfaSchema = z
  .strictObject({
    configuration: z.enum(["OFF", "ON", "OPTIONAL"]).default("OFF"),
    totp: z.boolean().default(false),
    email: z.boolean().default(false),
  })
  .refine((mfa) => mfa.configuration === "OFF" || mfa.totp || mfa.email, {
    message: "MFA that is ON or OPTIONAL needs at least one factor (totp or email)",
  });

/**
 * A user pool group (CreateGroup): a role ARN and a Precedence, "a non-negative number … Zero is the
 * top precedence value" (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html).
 * Users name their groups in `users[].groups`; a group not declared here has no role.
 */
const groupSchema = z.strictObject({
  name: z.string().min(1).max(128),
  roleArn: roleArnSchema.optional(),
  precedence: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

const userPoolSchema = z
  .strictObject({
    id: z.string().regex(USER_POOL_ID_PATTERN, "user pool id must look like ap-northeast-1_AbC123"),
    name: z.string().min(1),
    usernameAttributes: z.array(z.enum(["email", "phone_number"])).default([]),
    /**
     * The pool's IssuerConfiguration.Type (Cognito API reference, IssuerConfigurationType):
     * ORIGINAL signs iss `{sandbox}/{poolId}` (for https://cognito-idp.{region}.amazonaws.com/{poolId}),
     * UPDATED `{sandbox}/issuer-cognito-idp/{poolId}` (for https://issuer-cognito-idp.{region}.amazonaws.com/{poolId}).
     * ORIGINAL is the sandbox's default; which form AWS gives a pool created without
     * IssuerConfiguration is not documented (unconfirmed).
     */
    issuerConfiguration: z.enum(ISSUER_FORMS).default("ORIGINAL"),
    clients: z.array(clientSchema).min(1, "a user pool needs at least one app client"),
    users: z.array(userSchema).default([]),
    mfa: poolMfaSchema.default({ configuration: "OFF", totp: false, email: false }),
    groups: z.array(groupSchema).default([]),
    /** The pre token generation trigger's event version and response (cognito-idp/pre-token-generation.ts). */
    preTokenGeneration: preTokenGenerationSchema.optional(),
    ...poolOAuthKeys,
  })
  .superRefine((pool, ctx) => {
    for (const issue of oauthIssues(pool)) ctx.addIssue({ code: "custom", ...issue });
    const groupNames = new Set<string>();
    pool.groups.forEach((group, i) => {
      if (groupNames.has(group.name)) ctx.addIssue({ code: "custom", path: ["groups", i, "name"], message: `duplicate group ${group.name}` });
      groupNames.add(group.name);
    });
    const seen = new Set<string>();
    pool.users.forEach((user, i) => {
      const mfa = user.mfa;
      if (mfa?.email && typeof user.attributes["email"] !== "string") {
        ctx.addIssue({ code: "custom", path: ["users", i, "mfa", "email"], message: "email MFA needs an email attribute" });
      }
      if (mfa?.email && !pool.mfa.email) {
        ctx.addIssue({ code: "custom", path: ["users", i, "mfa", "email"], message: "the pool does not allow email MFA (mfa.email)" });
      }
      const enabled = [mfa?.totpSecret ? "SOFTWARE_TOKEN_MFA" : undefined, mfa?.email ? "EMAIL_OTP" : undefined];
      if (mfa?.preferred && !enabled.includes(mfa.preferred)) {
        ctx.addIssue({ code: "custom", path: ["users", i, "mfa", "preferred"], message: `${mfa.preferred} is not set up for this user` });
      }
      const key = user.username.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["users", i, "username"], message: `duplicate username ${user.username}` });
      }
      seen.add(key);
      for (const attribute of pool.usernameAttributes) {
        const value = user.attributes[attribute];
        if (typeof value !== "string") {
          ctx.addIssue({
            code: "custom",
            path: ["users", i, "attributes", attribute],
            message: `${attribute} is required because the pool signs users in with it`,
          });
        } else if (seen.has(`${attribute}:${value.toLowerCase()}`)) {
          ctx.addIssue({ code: "custom", path: ["users", i, "attributes", attribute], message: `duplicate ${attribute} ${value}` });
        } else {
          seen.add(`${attribute}:${value.toLowerCase()}`);
        }
      }
      if (pool.usernameAttributes.length > 0 && !UUID_PATTERN.test(user.username)) {
        ctx.addIssue({
          code: "custom",
          path: ["users", i, "username"],
          message: "must be a lowercase UUID when usernameAttributes is set (Cognito then uses the sub as username)",
        });
      }
    });
  });

export const scenarioSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "name must be lowercase letters, digits and dashes"),
    description: z.string().max(500).optional(),
    region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
    accountId: z.string().regex(/^\d{12}$/, "accountId must be 12 digits"),
    userPools: z.array(userPoolSchema).default([]),
    identityPools: z.array(identityPoolSchema).default([]),
    roles: z.array(roleSchema).default([]),
    appSyncApis: z.array(appSyncApiSchema).default([]),
    appSyncEventApis: z.array(appSyncEventApiSchema).default([]),
    agentCoreRuntimes: z.array(runtimeSchema).default([]),
    agentCoreGateways: z.array(gatewaySchema).default([]),
    ...cloudTrailScenarioKeys,
  })
  .superRefine((scenario, ctx) => {
    scenario.userPools.forEach((pool, i) => {
      const poolRegion = USER_POOL_ID_PATTERN.exec(pool.id)?.[1];
      if (poolRegion && poolRegion !== scenario.region) {
        ctx.addIssue({
          code: "custom",
          path: ["userPools", i, "id"],
          message: `user pool id is in ${poolRegion} but the scenario's region is ${scenario.region}`,
        });
      }
    });
    scenario.identityPools.forEach((pool, i) => {
      const poolRegion = pool.id.split(":")[0];
      if (poolRegion !== scenario.region) {
        ctx.addIssue({
          code: "custom",
          path: ["identityPools", i, "id"],
          message: `identity pool id is in ${poolRegion} but the scenario's region is ${scenario.region}`,
        });
      }
    });
    // A runtime may live in another account than the scenario's (cross-account access through
    // its resource-based policy), but not in another region than the pools and roles that call it.
    scenario.agentCoreRuntimes.forEach((runtime, i) => {
      const [, , , region] = runtime.arn.split(":");
      if (region !== scenario.region) {
        ctx.addIssue({
          code: "custom",
          path: ["agentCoreRuntimes", i, "arn"],
          message: `runtime ARN names ${region} but the scenario's region is ${scenario.region}`,
        });
      }
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioUserPool = Scenario["userPools"][number];
export type ScenarioClient = ScenarioUserPool["clients"][number];

/** A scenario file a person has to fix; the message names the file and the field. */
export class ScenarioError extends AppError {
  override readonly name = "ScenarioError";
  declare readonly code: "invalid:scenario";
  constructor(message: string) {
    super("invalid:scenario", message);
  }
}

/** `userPools[0].clients[1].id`: the field a person has to fix. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function formatIssues(source: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const field = formatPath(issue.path) || "(top level)";
    const where = keys.length > 0 ? `${field === "(top level)" ? "" : `${field}.`}${keys.join(", ")}` : field;
    return `  ${where}: ${issue.message}`;
  });
  return `invalid scenario ${source}:\n${lines.join("\n")}`;
}

/** Validates one scenario; `source` names the file (or option) in any error. */
export function parseScenario(value: unknown, source: string): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) throw new ScenarioError(formatIssues(source, result.error));
  return result.data;
}

/** A scenario file's text: JSON first, then the schema; either failure is a ScenarioError naming `source`. */
export function parseScenarioText(text: string, source: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`invalid scenario ${source}: not valid JSON (${(error as Error).message})`);
  }
  return parseScenario(json, source);
}

export async function loadScenarioFile(file: string): Promise<Scenario> {
  return parseScenarioText(await readFile(file, "utf8"), file);
}

/** Loads every `*.json` in a directory, in name order so startup output is stable. */
export async function loadScenarioDir(dir: string): Promise<Scenario[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(names.map((name) => loadScenarioFile(join(dir, name))));
}

/**
 * The sandbox serves every scenario at once, routing by id alone (a ClientId names its pool),
 * so names, pool ids and client ids must be unique across all of them.
 */
export function assertDistinctIds(scenarios: readonly Scenario[]): void {
  const owners = new Map<string, string>();
  const claim = (kind: string, id: string, owner: string) => {
    const key = `${kind}:${id}`;
    const previous = owners.get(key);
    if (previous) throw new ScenarioError(`${kind} ${id} is defined by both ${previous} and ${owner}; ids must be distinct`);
    owners.set(key, owner);
  };
  for (const scenario of scenarios) {
    claim("scenario", scenario.name, `scenario ${scenario.name}`);
    for (const pool of scenario.userPools) {
      claim("user pool", pool.id, `scenario ${scenario.name}`);
      for (const client of pool.clients) claim("app client", client.id, `scenario ${scenario.name}`);
    }
    for (const pool of scenario.identityPools) claim("identity pool", pool.id, `scenario ${scenario.name}`);
    // Credentials are looked up by role ARN across the whole sandbox.
    for (const role of scenario.roles) claim("role", role.arn, `scenario ${scenario.name}`);
    // AppSync routes /appsync/{apiId}/… by id alone.
    for (const api of scenario.appSyncApis) claim("AppSync API", api.id, `scenario ${scenario.name}`);
    // Event APIs route /appsync-events/{apiId}/… by id alone.
    for (const api of scenario.appSyncEventApis) claim("AppSync Event API", api.id, `scenario ${scenario.name}`);
    // AgentCore routes by runtime ARN and gateway id alone.
    for (const runtime of scenario.agentCoreRuntimes) claim("AgentCore runtime", runtime.arn, `scenario ${scenario.name}`);
    for (const gateway of scenario.agentCoreGateways) claim("AgentCore gateway", gateway.id, `scenario ${scenario.name}`);
  }
}
