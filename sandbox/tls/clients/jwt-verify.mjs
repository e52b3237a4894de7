import { CognitoJwtVerifier, JwtRsaVerifier } from "aws-jwt-verify";
import { errorOf, report, signIn } from "./sign-in.mjs";

/**
 * aws-jwt-verify against the sandbox's TLS listener, unchanged: it fetches JWKS with Node's
 * `https.request` only, so the process is started with NODE_EXTRA_CA_CERTS naming the sandbox CA.
 * Input (argv[2], JSON): base (https URL), httpBase, region, userPoolId, clientId, email, password.
 */
const input = JSON.parse(process.argv[2]);
const tokens = await signIn(input);

// Issuer and JWKS URI as an application would take them: from the pool's discovery document.
const discovery = await (await fetch(`${input.base}/${input.userPoolId}/.well-known/openid-configuration`)).json();
const idVerifier = JwtRsaVerifier.create({ issuer: discovery.issuer, jwksUri: discovery.jwks_uri, audience: input.clientId });
const accessVerifier = JwtRsaVerifier.create({
  issuer: discovery.issuer,
  jwksUri: discovery.jwks_uri,
  // Cognito access tokens carry client_id instead of aud.
  audience: null,
  customJwtCheck: ({ payload }) => {
    if (payload.client_id !== input.clientId) throw new Error(`client_id ${payload.client_id} is not ${input.clientId}`);
  },
});
const id = await idVerifier.verify(tokens.idToken);
const access = await accessVerifier.verify(tokens.accessToken);

const attempt = async (verify) => {
  try {
    return { ok: true, payload: await verify() };
  } catch (error) {
    return { ok: false, ...errorOf(error) };
  }
};
// The same keys over the plain-HTTP listener: what a client without TLS would have to use.
const overHttp = await attempt(() =>
  JwtRsaVerifier.create({ issuer: discovery.issuer, jwksUri: `${input.httpBase}/${input.userPoolId}/.well-known/jwks.json`, audience: input.clientId }).verify(tokens.idToken),
);
// CognitoJwtVerifier takes only a user pool id and derives the cognito-idp issuer from it.
const cognito = await attempt(() => CognitoJwtVerifier.create({ userPoolId: input.userPoolId, tokenUse: "id", clientId: input.clientId }).verify(tokens.idToken));

report({
  discovery: { issuer: discovery.issuer, jwks_uri: discovery.jwks_uri },
  id: { iss: id.iss, aud: id.aud, token_use: id.token_use, email: id.email },
  access: { iss: access.iss, client_id: access.client_id, token_use: access.token_use },
  overHttp: { ok: overHttp.ok, name: overHttp.name, message: overHttp.message },
  cognito: { ok: cognito.ok, name: cognito.name, message: cognito.message },
});
