import { a, defineData, type ClientSchema } from "@aws-amplify/backend";

/**
 * The reference target's AppSync API: the sandbox's Note API (sandbox/scenarios/demo.json) as an
 * Amplify model, so the same queries run against both. Amplify generates listNotes, getNote,
 * createNote/updateNote/deleteNote and the subscriptions onCreateNote/onUpdateNote/onDeleteNote.
 *
 * Modes (amplify_outputs.json `data.default_authorization_type` / `authorization_types`):
 * - AMAZON_COGNITO_USER_POOLS is the default: `Authorization: <JWT>` (Amplify sends the access
 *   token; the AppSync console sends the ID token; both are accepted).
 * - AWS_IAM: identity-pool credentials. The identityPool rule puts @aws_iam on the type, and
 *   Amplify gives the authenticated role (only) a policy naming the Note fields; a role also
 *   needs `appsync:GraphQL` on them or AppSync answers a bare 401 (seed 001), so
 *   amplify/agentcore/resource.ts grants `apis/{apiId}/*` to it and to the group roles.
 * - API_KEY: read-only (get, list and the subscriptions), for calls made with no user at all.
 */
const schema = a.schema({
  Note: a
    .model({
      content: a.string().required(),
      // Declared so that an owner cannot hand a note to someone else (Amplify warns otherwise);
      // the other readers keep read access to the field.
      owner: a
        .string()
        .authorization((allow) => [
          allow.owner().to(["read", "delete"]),
          allow.groups(["admins"]),
          allow.authenticated("identityPool").to(["read"]),
          allow.publicApiKey().to(["read"]),
        ]),
    })
    .authorization((allow) => [
      // user pool: the creator (the `owner` field, as in the sandbox's Note) ...
      allow.owner(),
      // ... and the admins group (`cognito:groups`), like the sandbox's adminReport field
      allow.groups(["admins"]),
      // IAM: any identity-pool authenticated identity (authenticated or group role)
      allow.authenticated("identityPool"),
      // API key: read and subscribe only
      allow.publicApiKey().to(["read"]),
    ]),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: "userPool",
    // The longest AppSync allows is 365 days; 30 keeps a forgotten sandbox's key short-lived.
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
});
