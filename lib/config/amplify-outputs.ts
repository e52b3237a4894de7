import { z } from "zod";
import { ConfigInputError, toFieldErrors, type FieldError } from "./field-errors";
import {
  APPSYNC_AUTH_MODES,
  CLIENT_ID_PATTERN,
  IDENTITY_POOL_ID_PATTERN,
  REGION_PATTERN,
  USER_POOL_ID_PATTERN,
  environmentSchema,
  type Environment,
} from "./environment";

/**
 * Reads an Amplify Gen 2 `amplify_outputs.json` into a environment. The file's own field names
 * (snake_case) are kept in error paths, so "auth.user_pool_id must look like …" points at the
 * line the person has to fix in their file.
 */

const MAX_OUTPUTS_BYTES = 1_000_000;

const authMode = z.enum(APPSYNC_AUTH_MODES, {
  message: `must be one of ${APPSYNC_AUTH_MODES.join(", ")}`,
});

const outputsSchema = z.object({
  version: z.string().optional(),
  auth: z.object(
    {
      aws_region: z.string().regex(REGION_PATTERN, "auth.aws_region must look like ap-northeast-1"),
      user_pool_id: z
        .string()
        .regex(USER_POOL_ID_PATTERN, "auth.user_pool_id must look like ap-northeast-1_AbC123"),
      user_pool_client_id: z
        .string()
        .regex(CLIENT_ID_PATTERN, "auth.user_pool_client_id must be letters, digits, _ or +"),
      identity_pool_id: z
        .string()
        .regex(
          IDENTITY_POOL_ID_PATTERN,
          "auth.identity_pool_id must look like ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        )
        .optional(),
      authentication_flow_type: z.string().optional(),
      password_policy: z
        .object({
          min_length: z.number().optional(),
          require_numbers: z.boolean().optional(),
          require_lowercase: z.boolean().optional(),
          require_uppercase: z.boolean().optional(),
          require_symbols: z.boolean().optional(),
        })
        .optional(),
      oauth: z
        .object({
          identity_providers: z.array(z.string()).default([]),
          domain: z.string(),
          scopes: z.array(z.string()).default([]),
          redirect_sign_in_uri: z.array(z.string()).default([]),
          redirect_sign_out_uri: z.array(z.string()).default([]),
          response_type: z.enum(["code", "token"]).default("code"),
        })
        .optional(),
      standard_required_attributes: z.array(z.string()).optional(),
      username_attributes: z.array(z.string()).optional(),
      user_verification_types: z.array(z.string()).optional(),
      unauthenticated_identities_enabled: z.boolean().optional(),
      mfa_configuration: z.string().optional(),
      mfa_methods: z.array(z.string()).optional(),
      groups: z.array(z.record(z.string(), z.unknown())).optional(),
    },
    { message: "auth is missing: this file has no Cognito user pool (run `npx ampx sandbox` with an auth resource)" },
  ),
  data: z
    .object({
      aws_region: z.string().regex(REGION_PATTERN, "data.aws_region must look like ap-northeast-1"),
      url: z.string().url("data.url must be a URL"),
      default_authorization_type: authMode,
      authorization_types: z.array(authMode).default([]),
      api_key: z.string().optional(),
    })
    .optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
});

const agentCoreCustomSchema = z.object({
  runtimeArn: z.string().optional(),
  qualifier: z.string().optional(),
  gatewayUrl: z.string().optional(),
});

/**
 * An Event API added to the outputs with backend.addOutput: `custom.events` = { url, aws_region,
 * default_authorization_type, api_key? } (aws-amplify AmplifyOutputsCustomProperties, which
 * Amplify.configure reads into API.Events).
 */
const eventsCustomSchema = z.object({
  url: z.string(),
  aws_region: z.string(),
  default_authorization_type: z.string().optional(),
  api_key: z.string().optional(),
});

interface ImportOptions {
  id: string;
  name?: string;
}

/** Parses the text of an amplify_outputs.json, or throws ConfigInputError listing every problem. */
export function importAmplifyOutputs(text: string, options: ImportOptions): Environment {
  if (text.length > MAX_OUTPUTS_BYTES) {
    throw new ConfigInputError(
      `This file is ${Math.round(text.length / 1024)} KB; an amplify_outputs.json is a few KB. Is it the right file?`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigInputError(`This is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ConfigInputError("amplify_outputs.json must be a JSON object with an `auth` section");
  }
  const parsed = outputsSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigInputError("amplify_outputs.json has problems", toFieldErrors(parsed.error));
  }
  const { auth, data, custom } = parsed.data;

  const fieldErrors: FieldError[] = [];
  const agentCoreRaw = custom?.agentCore ?? custom?.agentcore;
  const agentCore = agentCoreRaw === undefined ? undefined : agentCoreCustomSchema.safeParse(agentCoreRaw);
  if (agentCore && !agentCore.success) {
    fieldErrors.push(...toFieldErrors(agentCore.error).map((e) => ({ ...e, path: `custom.agentCore.${e.path}` })));
  }

  const eventsRaw = custom?.events;
  const events = eventsRaw === undefined ? undefined : eventsCustomSchema.safeParse(eventsRaw);
  if (events && !events.success) {
    fieldErrors.push(...toFieldErrors(events.error).map((e) => ({ ...e, path: `custom.events.${e.path}` })));
  }

  const candidate = {
    id: options.id,
    name: options.name ?? `${auth.user_pool_id} (amplify_outputs.json)`,
    source: "user",
    region: auth.aws_region,
    userPoolId: auth.user_pool_id,
    userPoolClientId: auth.user_pool_client_id,
    identityPoolId: auth.identity_pool_id,
    signInFlow: auth.authentication_flow_type === "USER_PASSWORD_AUTH" ? "USER_PASSWORD_AUTH" : "USER_SRP_AUTH",
    usernameAttributes: (auth.username_attributes ?? []).filter(
      (a): a is "email" | "phone_number" => a === "email" || a === "phone_number",
    ),
    oauth: auth.oauth && {
      domain: auth.oauth.domain,
      scopes: auth.oauth.scopes,
      redirectSignIn: auth.oauth.redirect_sign_in_uri,
      redirectSignOut: auth.oauth.redirect_sign_out_uri,
      responseType: auth.oauth.response_type,
      identityProviders: auth.oauth.identity_providers,
    },
    poolDetails: {
      mfaConfiguration: auth.mfa_configuration,
      mfaMethods: auth.mfa_methods,
      passwordPolicy: auth.password_policy && {
        minLength: auth.password_policy.min_length,
        requireNumbers: auth.password_policy.require_numbers,
        requireLowercase: auth.password_policy.require_lowercase,
        requireUppercase: auth.password_policy.require_uppercase,
        requireSymbols: auth.password_policy.require_symbols,
      },
      standardRequiredAttributes: auth.standard_required_attributes,
      userVerificationTypes: auth.user_verification_types,
      unauthenticatedIdentitiesEnabled: auth.unauthenticated_identities_enabled,
      groups: auth.groups?.flatMap((g) => Object.keys(g)),
    },
    appSync: data
      ? [
          {
            name: "data",
            url: data.url,
            region: data.aws_region,
            defaultAuthMode: data.default_authorization_type,
            additionalAuthModes: data.authorization_types.filter((m) => m !== data.default_authorization_type),
            apiKey: data.api_key,
          },
        ]
      : [],
    agentCore: agentCore?.success ? agentCore.data : undefined,
    ...(events?.success ? { appSyncEvents: [{ name: "events", url: events.data.url, region: events.data.aws_region, ...(events.data.api_key ? { apiKey: events.data.api_key } : {}) }] } : {}),
  };

  const environment = environmentSchema.safeParse(candidate);
  if (!environment.success) fieldErrors.push(...toFieldErrors(environment.error).map(toOutputsPath));
  if (fieldErrors.length > 0 || !environment.success) {
    throw new ConfigInputError("amplify_outputs.json has problems", fieldErrors);
  }
  return environment.data;
}

/** Environment paths back to the file's own names, so errors point at what to edit. */
const OUTPUT_PATHS: Record<string, string> = {
  region: "auth.aws_region",
  userPoolId: "auth.user_pool_id",
  userPoolClientId: "auth.user_pool_client_id",
  identityPoolId: "auth.identity_pool_id",
  "oauth.domain": "auth.oauth.domain",
  "appSync.0.url": "data.url",
  "appSync.0.region": "data.aws_region",
  "appSyncEvents.0.url": "custom.events.url",
  "appSyncEvents.0.region": "custom.events.aws_region",
  "agentCore.runtimeArn": "custom.agentCore.runtimeArn",
  "agentCore.gatewayUrl": "custom.agentCore.gatewayUrl",
  "agentCore.qualifier": "custom.agentCore.qualifier",
};

function toOutputsPath(error: FieldError): FieldError {
  const path = OUTPUT_PATHS[error.path] ?? error.path;
  return { path, message: error.message.startsWith(path) ? error.message : `${path}: ${error.message}` };
}
