import { Amplify } from "aws-amplify";
import { events } from "aws-amplify/data";
import { signIn, signOut } from "aws-amplify/auth";
import { errorOf, report } from "./sign-in.mjs";

/**
 * aws-amplify v6's `events` client unchanged against an Event API on the TLS listener: it derives
 * `wss://{host}/…/event/realtime` from the `…/event` endpoint, as for any custom domain.
 * Input (argv[2], JSON): base, region, apiId, apiKey, userPoolId, clientId, identityPoolId, email, password.
 * Steps: subscribe to /default/* with the API key, post to /default/room/1 over HTTP and publish
 * to /default/room/2 over the socket (the wildcard channel itself cannot be published to), then post to /alerts/outage with the API key (its publish
 * mode is AWS_IAM) and again with IAM after signing in.
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
  API: { Events: { endpoint: `${input.base}/appsync-events/${input.apiId}/event`, region: input.region, defaultAuthMode: "apiKey", apiKey: input.apiKey } },
});

const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms));
const outcome = { ok: false };
try {
  const channel = await events.connect("/default/*");
  const received = [];
  let gotTwo;
  const two = new Promise((resolve) => (gotTwo = resolve));
  const subscription = channel.subscribe({
    next: (data) => {
      received.push(data.event);
      if (received.length === 2) gotTwo();
    },
    error: (error) => (outcome.subscribeError = errorOf(error)),
  });
  await Promise.race([subscription.ready, timeout(10_000, "subscribe_success")]);
  outcome.postFailed = await events.post("/default/room/1", { via: "http" });
  // A channel publishes to its own path: the wildcard one may not (publish_error).
  try {
    await channel.publish({ via: "wildcard" });
  } catch (error) {
    outcome.publishToWildcard = errorOf(error);
  }
  const room = await events.connect("/default/room/2");
  await room.publish({ via: "websocket" });
  await Promise.race([two, timeout(10_000, "two data frames")]);
  outcome.received = received;
  try {
    await events.post("/alerts/outage", { level: "high" });
    outcome.alertsByKey = "published";
  } catch (error) {
    outcome.alertsByKey = errorOf(error);
  }
  await signIn({ username: input.email, password: input.password });
  outcome.alertsByIam = (await events.post("/alerts/outage", { level: "high" }, { authMode: "iam" })) ?? "published";
  channel.close();
  room.close();
  await events.closeAll();
  await signOut();
  outcome.ok = true;
} catch (error) {
  outcome.error = errorOf(error);
}
report(outcome);
process.exit(0);
