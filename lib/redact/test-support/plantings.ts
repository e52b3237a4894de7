/**
 * Test-only: each kind of secret in each place it is really met — bare where its shape gives it
 * away, after its name where only the name does — as text, with the strings that must not survive.
 */
import fc from "fast-check";
import {
  accessKeyIdArb,
  apiKeyArb,
  encodeBearerSubprotocol,
  encodeLegacyHeader,
  encodeRealtimeHeader,
  hexSignatureArb,
  jweArb,
  jwtArb,
  opaqueTokenArb,
  passwordArb,
  secretKeyArb,
  sessionTokenArb,
} from "./secrets";

interface Planted {
  kind: string;
  text: string;
  secrets: string[];
}

const HOST = "abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com";
const plant = (kind: string, secrets: string[]) => (text: string): Planted => ({ kind, text, secrets });

const jwtPlantings = jwtArb.chain(({ token, signature }) =>
  fc.constantFrom(
    token,
    `Authorization: Bearer ${token}`,
    `authorization: ${token}`,
    `"idToken":"${token}"`,
    `id_token=${token}&state=x`,
    `#access_token=${token}`,
    `Sec-WebSocket-Protocol: graphql-ws, ${encodeRealtimeHeader({ host: HOST, Authorization: token })}`,
    `${encodeBearerSubprotocol(token)}, base64UrlBearerAuthorization`,
  ).map(plant("jwt", [signature])),
);

const jwePlantings = jweArb.chain(({ token, secrets }) =>
  fc.constantFrom(token, `"RefreshToken": "${token}"`, `REFRESH_TOKEN=${token}`).map(plant("jwe", secrets)),
);

const secretKeyPlantings = secretKeyArb.chain((key) =>
  fc.constantFrom(
    key,
    `aws_secret_access_key = ${key}`,
    `AWS_SECRET_ACCESS_KEY=${key}`,
    `"SecretKey":"${key}"`,
    `"SecretAccessKey": "${key}"`,
    `<SecretAccessKey>${key}</SecretAccessKey>`,
    `secretAccessKey: '${key}'`,
  ).map(plant("secret-key", [key])),
);

const sessionTokenPlantings = sessionTokenArb.chain((token) =>
  fc.constantFrom(
    token,
    `X-Amz-Security-Token: ${token}`,
    `?X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Date=20240101T000000Z`,
    `"SessionToken":"${token}"`,
    `<SessionToken>${token}</SessionToken>`,
    `aws_session_token=${token}`,
    encodeRealtimeHeader({ host: HOST, "x-amz-security-token": token }),
  ).map(plant("session-token", [token])),
);

/** Opaque tokens have no shape: only the name in front of them tells. */
const opaqueSessionTokenPlantings = opaqueTokenArb.chain((token) =>
  fc.constantFrom(`X-Amz-Security-Token: ${token}`, `"SessionToken": "${token}"`, `x-amz-security-token=${encodeURIComponent(token)}`)
    .map(plant("opaque-session-token", [token])),
);

const apiKeyPlantings = apiKeyArb.chain((key) =>
  fc.constantFrom(
    key,
    `x-api-key: ${key}`,
    `"apiKey": "${key}"`,
    encodeRealtimeHeader({ host: HOST, "x-amz-date": "20240101T000000Z", "x-api-key": key }),
    `wss://x.appsync-realtime-api.us-east-1.amazonaws.com/graphql?header=${encodeLegacyHeader({ host: HOST, "x-api-key": key })}&payload=e30=`,
  ).map(plant("api-key", [key, key.slice(0, -4)])),
);

const accessKeyPlantings = accessKeyIdArb.chain((id) =>
  fc.constantFrom(id, `Credential=${id}/20240101/us-east-1/sts/aws4_request`, `"AccessKeyId": "${id}"`).map(plant("access-key-id", [id])),
);

const signaturePlantings = fc.tuple(hexSignatureArb, accessKeyIdArb).chain(([sig, id]) =>
  fc.constantFrom(
    `Authorization: AWS4-HMAC-SHA256 Credential=${id}/20240101/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`,
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${sig}&X-Amz-Date=20240101T000000Z`,
  ).map(plant("sigv4-signature", [sig, id])),
);

const passwordPlantings = passwordArb.chain((password) =>
  fc.constantFrom(
    `{"AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"alice","PASSWORD":${JSON.stringify(password)}}}`,
    `"password": ${JSON.stringify(password)}`,
    `{"ChallengeResponses":{"NEW_PASSWORD":${JSON.stringify(password)}}}`,
    `USERNAME=alice&PASSWORD=${encodeURIComponent(password)}`,
    // A request body held as a string inside a JSON report.
    JSON.stringify({ body: JSON.stringify({ AuthParameters: { PASSWORD: password } }) }),
  ).map(plant("password", [password])),
);

const opaqueBearerPlantings = opaqueTokenArb.chain((token) =>
  fc.constantFrom(`Authorization: Bearer ${token}`, `"Authorization": "Bearer ${token}"`, `-H 'authorization: ${token}'`)
    .map(plant("opaque-bearer", [token])),
);

export const plantedSecretArb: fc.Arbitrary<Planted> = fc.oneof(
  jwtPlantings,
  jwePlantings,
  secretKeyPlantings,
  sessionTokenPlantings,
  opaqueSessionTokenPlantings,
  apiKeyPlantings,
  accessKeyPlantings,
  signaturePlantings,
  passwordPlantings,
  opaqueBearerPlantings,
);
