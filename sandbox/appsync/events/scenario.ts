import { z } from "zod";
import { REGION_PATTERN, USER_POOL_ID_PATTERN } from "../../../lib/config/environment";

/**
 * The `appSyncEventApis` key of a scenario file: AppSync Event APIs as `aws appsync get-api` and
 * `list-channel-namespaces` show them. CreateApi's `eventConfig` holds the auth providers and the
 * API-wide `connectionAuthModes`, `defaultPublishAuthModes` and `defaultSubscribeAuthModes`;
 * CreateChannelNamespace's `publishAuthModes` / `subscribeAuthModes` override the defaults for
 * one namespace ("This configuration overrides the default Api authorization configuration",
 * AppSync API reference, CreateChannelNamespace). Only API_KEY, AMAZON_COGNITO_USER_POOLS and
 * AWS_IAM are emulated here (OIDC and Lambda are not, yet).
 */

export const EVENT_AUTH_TYPES = ["API_KEY", "AMAZON_COGNITO_USER_POOLS", "AWS_IAM"] as const;
export type EventAuthType = (typeof EVENT_AUTH_TYPES)[number];

/** Real API ids are 26 lowercase letters and digits, as the GraphQL side's. */
const API_ID_PATTERN = /^[a-z0-9]{26}$/;
const API_KEY_PATTERN = /^da2-[a-z0-9]{26}$/;
/** Namespace names: letters, digits and dashes, up to 50 (unconfirmed: the sandbox's own limit, the same as a channel segment's). */
const NAMESPACE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;

const modes = z.array(z.enum(EVENT_AUTH_TYPES)).min(1);

const namespaceSchema = z.strictObject({
  name: z.string().regex(NAMESPACE_PATTERN, "namespace names are letters, digits and dashes (up to 50)"),
  /** Absent: the API's defaultPublishAuthModes apply. */
  publishAuthModes: modes.optional(),
  /** Absent: the API's defaultSubscribeAuthModes apply. */
  subscribeAuthModes: modes.optional(),
});

export const appSyncEventApiSchema = z
  .strictObject({
    id: z.string().regex(API_ID_PATTERN, "Event API ids are 26 lowercase letters and digits"),
    name: z.string().min(1),
    region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
    authProviders: z.array(z.enum(EVENT_AUTH_TYPES)).min(1),
    /** The user pool of the AMAZON_COGNITO_USER_POOLS provider (its `cognitoConfig`). */
    cognitoConfig: z
      .strictObject({
        userPoolId: z.string().regex(USER_POOL_ID_PATTERN, "user pool id must look like ap-northeast-1_AbC123"),
        appIdClientRegex: z.string().optional(),
      })
      .optional(),
    connectionAuthModes: modes,
    defaultPublishAuthModes: modes,
    defaultSubscribeAuthModes: modes,
    apiKeys: z
      .array(z.strictObject({ id: z.string().regex(API_KEY_PATTERN, "API key ids look like da2-<26 lowercase letters and digits>"), expires: z.string().datetime({ offset: true }) }))
      .default([]),
    channelNamespaces: z.array(namespaceSchema).min(1),
  })
  .superRefine((api, ctx) => {
    const providers = new Set(api.authProviders);
    const used: [string, readonly string[]][] = [
      ["connectionAuthModes", api.connectionAuthModes],
      ["defaultPublishAuthModes", api.defaultPublishAuthModes],
      ["defaultSubscribeAuthModes", api.defaultSubscribeAuthModes],
      ...api.channelNamespaces.flatMap((ns, i): [string, readonly string[]][] => [
        [`channelNamespaces.${i}.publishAuthModes`, ns.publishAuthModes ?? []],
        [`channelNamespaces.${i}.subscribeAuthModes`, ns.subscribeAuthModes ?? []],
      ]),
    ];
    for (const [path, list] of used) {
      for (const mode of list) {
        if (!providers.has(mode as EventAuthType)) ctx.addIssue({ code: "custom", path: path.split("."), message: `${mode} is not among authProviders` });
      }
    }
    if (providers.has("AMAZON_COGNITO_USER_POOLS") && !api.cognitoConfig) {
      ctx.addIssue({ code: "custom", path: ["cognitoConfig"], message: "required when AMAZON_COGNITO_USER_POOLS is an auth provider" });
    }
    const names = api.channelNamespaces.map((ns) => ns.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["channelNamespaces"], message: "namespace names must be distinct" });
  });

export type ScenarioEventApi = z.infer<typeof appSyncEventApiSchema>;
