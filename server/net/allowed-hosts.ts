/**
 * The only places the dashboard's server will fetch from on a caller's behalf: AWS endpoints of
 * the services this tool tests, over https, and the sandbox the deployment itself configured.
 * Everything else — internal addresses, look-alike hosts (`…amazonaws.com.evil.example`),
 * plain http to AWS — is refused, so the relay and the JWKS proxy cannot be turned into SSRF.
 */
import "server-only";

const REGION = "[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d";
const AWS_SUFFIX = "amazonaws\\.com(?:\\.cn)?";

/** Host patterns per purpose; anchored, so a suffix or prefix trick cannot match. */
export const AWS_HOST_PATTERNS = {
  "cognito-idp": new RegExp(`^cognito-idp\\.${REGION}\\.${AWS_SUFFIX}$`),
  // A user pool's UPDATED issuer host, where its JWKS and discovery document live (Cognito API
  // reference, IssuerConfigurationType). Only for those documents: it serves no Cognito API.
  "cognito-idp-issuer": new RegExp(`^issuer-cognito-idp\\.${REGION}\\.${AWS_SUFFIX}$`),
  "cognito-identity": new RegExp(`^cognito-identity\\.${REGION}\\.${AWS_SUFFIX}$`),
  sts: new RegExp(`^sts(?:\\.${REGION})?\\.${AWS_SUFFIX}$`),
  appsync: new RegExp(`^[a-z0-9]{26}\\.appsync-api\\.${REGION}\\.${AWS_SUFFIX}$`),
  "bedrock-agentcore": new RegExp(`^bedrock-agentcore\\.${REGION}\\.${AWS_SUFFIX}$`),
  "agentcore-gateway": new RegExp(`^[a-z0-9-]+\\.gateway\\.bedrock-agentcore\\.${REGION}\\.${AWS_SUFFIX}$`),
  cloudtrail: new RegExp(`^cloudtrail\\.${REGION}\\.${AWS_SUFFIX}$`),
  // Athena's regional endpoint (aws-sdk-js-v3 client-athena's endpoint ruleset: https://athena.{region}.{dnsSuffix}).
  athena: new RegExp(`^athena\\.${REGION}\\.${AWS_SUFFIX}$`),
} as const;

export type AwsServiceHost = keyof typeof AWS_HOST_PATTERNS;

type UrlVerdict = { ok: true; url: URL; via: AwsServiceHost | "sandbox" } | { ok: false; reason: string };

/**
 * @param sandboxOrigins origins (`http://127.0.0.1:4577`) the deployment configured; never
 * taken from the request.
 */
export function checkOutboundUrl(
  raw: string,
  options: { services?: readonly AwsServiceHost[]; sandboxOrigins?: readonly string[] } = {},
): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  if (url.username || url.password) return { ok: false, reason: "URLs with credentials are refused" };
  const sandbox = (options.sandboxOrigins ?? []).some((origin) => sameOrigin(origin, url));
  if (sandbox) return { ok: true, url, via: "sandbox" };
  if (url.protocol !== "https:") return { ok: false, reason: `${url.protocol} is refused; AWS endpoints are https` };
  if (url.port && url.port !== "443") return { ok: false, reason: `port ${url.port} is refused` };
  const services = options.services ?? (Object.keys(AWS_HOST_PATTERNS) as AwsServiceHost[]);
  const match = services.find((service) => AWS_HOST_PATTERNS[service].test(url.hostname));
  if (!match) return { ok: false, reason: `${url.hostname} is not an AWS endpoint this tool talks to` };
  return { ok: true, url, via: match };
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}
