import { Amplify } from "aws-amplify";
import { CONNECTION_STATE_CHANGE, ConnectionState, generateClient } from "aws-amplify/api";
import { fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { Hub } from "aws-amplify/utils";
import { errorOf, report } from "./sign-in.mjs";

/**
 * aws-amplify v6 unchanged: Auth signs in with SRP against the sandbox's https URL and gets
 * identity-pool credentials (Logins key from the https `iss`), and the API
 * category's realtime client derives `wss://{host}/…/graphql/realtime` from the https GraphQL
 * endpoint, as it does for any AppSync custom domain. Started with NODE_EXTRA_CA_CERTS naming
 * the sandbox CA; Amplify opens the socket with the global WebSocket, which Node 22 has and
 * Node 20 has behind --experimental-websocket.
 * Input (argv[2], JSON): base, region, userPoolId, clientId, identityPoolId, email, password, apiId.
 */
const input = JSON.parse(process.argv[2]);
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: input.userPoolId,
      userPoolClientId: input.clientId,
      userPoolEndpoint: input.base,
      identityPoolId: input.identityPoolId,
      identityPoolEndpoint: `${input.base}/cognito-identity`,
    },
  },
  API: { GraphQL: { endpoint: `${input.base}/appsync/${input.apiId}/graphql`, region: input.region, defaultAuthMode: "userPool" } },
});

const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms));
const states = [];
const connected = new Promise((resolve) => {
  Hub.listen("api", ({ payload }) => {
    if (payload.event !== CONNECTION_STATE_CHANGE) return;
    states.push(payload.data.connectionState);
    if (payload.data.connectionState === ConnectionState.Connected) resolve();
  });
});

try {
  const signedIn = await signIn({ username: input.email, password: input.password });
  const session = await fetchAuthSession();
  const client = generateClient();
  let subscription;
  const received = new Promise((resolve, reject) => {
    subscription = client.graphql({ query: "subscription OnCreateNote { onCreateNote { id content owner } }" }).subscribe({
      next: ({ data }) => resolve(data.onCreateNote),
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
    });
  });
  await Promise.race([connected, received, timeout(10_000, "the realtime connection")]);
  const content = `created over https at ${new Date().toISOString()}`;
  const created = await client.graphql({
    query: "mutation CreateNote($content: String!) { createNote(content: $content) { id content owner } }",
    variables: { content },
  });
  const event = await Promise.race([received, timeout(10_000, "the subscription event")]);
  subscription.unsubscribe();
  await signOut();
  report({
    ok: true,
    signedIn: signedIn.isSignedIn,
    iss: session.tokens?.idToken?.payload.iss,
    identityId: session.identityId,
    accessKeyId: session.credentials?.accessKeyId,
    states,
    created: created.data.createNote,
    event,
  });
} catch (error) {
  report({ ok: false, states, error: errorOf(error), errors: error?.errors });
}
process.exit(0);
