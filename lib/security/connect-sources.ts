/**
 * CSP `connect-src` sources: where the page's own fetch/WebSocket calls may go.
 *
 * The page calls AWS straight from the browser (aws-amplify, the test calls), so the list is
 * AWS's endpoints for the services this tool tests, per region, plus the configured sandbox and
 * the custom endpoints of the deployment's own presets. The same services the server's relay and
 * JWKS proxy may reach (server/net/allowed-hosts.ts): one allow-list, two enforcers. Both issuer
 * hosts of a user pool are listed (cognito-idp, and issuer-cognito-idp for the UPDATED issuer's
 * JWKS), since the pages verify tokens against whichever one signed them.
 *
 * Why per service and per region, and what that costs. A CSP host wildcard may only stand for the
 * leftmost labels (`https://*.example.com`); `https://cognito-idp.*.amazonaws.com` is not a valid
 * source, so "Cognito in any region" cannot be written. The choices are:
 *   1. one source per service per region (this default): ~330 bytes per region, so only a set of
 *      regions fits in a header (DEFAULT_REGIONS, or AUTH_DEBUGGER_REGIONS, plus the presets'
 *      regions, plus the regions the visitor's own environments use — see regionsFromCookie);
 *   2. `https://*.{region}.amazonaws.com`: every AWS service of a region, S3 buckets and API
 *      Gateway included;
 *   3. `https://*.amazonaws.com` (AUTH_DEBUGGER_REGIONS=all): every service in every region.
 * Options 2 and 3 let injected script send data to any S3 bucket or API an attacker owns. Option 1
 * narrows that to the services below, which is not airtight either — anyone can create an AppSync
 * API or a user pool in a listed region — so connect-src here is a second line behind the
 * nonce-only script-src, not the thing that stops exfiltration on its own. It does stop the
 * page from talking to arbitrary hosts, which is what makes option 1 worth its header size.
 */
import type { Environment } from "../config/environment";
import { isRegion, unique } from "./regions";

/** `amazonaws.com`, or `amazonaws.com.cn` in the China regions. */
export const awsSuffix = (region: string): string => (region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");

/** The endpoints of one region the browser calls, https and wss where the service uses both. */
export function awsRegionSources(region: string): string[] {
  if (!isRegion(region)) return [];
  const d = `${region}.${awsSuffix(region)}`;
  return [
    `https://cognito-idp.${d}`,
    // A user pool with the UPDATED issuer publishes its JWKS here, which the pages fetch to verify
    // tokens (Cognito API reference, IssuerConfigurationType).
    `https://issuer-cognito-idp.${d}`,
    `https://cognito-identity.${d}`,
    `https://sts.${d}`,
    `https://*.appsync-api.${d}`,
    `wss://*.appsync-realtime-api.${d}`,
    `https://bedrock-agentcore.${d}`,
    `wss://bedrock-agentcore.${d}`,
    `https://*.gateway.bedrock-agentcore.${d}`,
  ];
}

/**
 * STS's global endpoint, which SDKs still default to for some calls; and user pools' Cognito-prefix
 * domains (`{prefix}.auth.{region}.amazoncognito.com`), whose /oauth2/token the test calls post to
 * for an M2M token — the token endpoint answers with Access-Control-Allow-Origin: * (Cognito
 * developer guide, token endpoint). One source for every region, as the host is Cognito's only;
 * a custom domain needs AUTH_DEBUGGER_CONNECT_SRC or a preset.
 */
export const AWS_GLOBAL_SOURCES: readonly string[] = ["https://sts.amazonaws.com", "https://*.amazoncognito.com"];

/** AUTH_DEBUGGER_REGIONS=all: every AWS host (see the trade-off above). */
export const AWS_ALL_REGION_SOURCES: readonly string[] = [
  "https://*.amazonaws.com",
  "wss://*.amazonaws.com",
  "https://*.amazonaws.com.cn",
  "wss://*.amazonaws.com.cn",
  "https://*.amazoncognito.com",
];

/**
 * A configured URL as CSP sources: its origin (path, query and credentials dropped), and the
 * WebSocket origin of the same host (`http:` → `ws:`, `https:` → `wss:`), since the sandbox and
 * custom AppSync/AgentCore domains serve both. Anything that is not a plain http(s) origin —
 * and so could smuggle `;` or `'unsafe-inline'` into the header — gives nothing.
 */
export function originSources(raw: string): string[] {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return [];
  }
  const socket = url.protocol === "https:" ? "wss:" : url.protocol === "http:" ? "ws:" : undefined;
  // CSP host sources have no IPv6 literal form; only names and IPv4 addresses can be listed.
  if (!socket || !/^[a-z0-9.-]+$/i.test(url.hostname)) return [];
  const host = url.host.toLowerCase();
  return [`${url.protocol}//${host}`, `${socket}//${host}`];
}

/** A bare host name (an OAuth domain) as an https origin. */
function hostOrigin(host: string): string[] {
  return /^[a-z0-9.-]+$/i.test(host) ? [`https://${host.toLowerCase()}`] : [];
}

const REGION_IN_ARN = /^arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):/;

/**
 * What the deployment's presets need: their regions, and the origins of their endpoint overrides,
 * custom AppSync/gateway domains and OAuth domains. Presets come from the operator's environment,
 * so their hosts are trusted like AUTH_DEBUGGER_CONNECT_SRC.
 */
export function presetNeeds(environments: readonly Environment[]): { regions: string[]; sources: string[] } {
  const regions: string[] = [];
  const sources: string[] = [];
  for (const environment of environments) {
    regions.push(environment.region);
    const identityRegion = environment.identityPoolId?.split(":")[0];
    if (identityRegion) regions.push(identityRegion);
    for (const api of environment.appSync) {
      regions.push(api.region);
      if (!isAwsHost(api.url)) sources.push(...originSources(api.url));
    }
    const arnRegion = environment.agentCore?.runtimeArn ? REGION_IN_ARN.exec(environment.agentCore.runtimeArn)?.[1] : undefined;
    if (arnRegion) regions.push(arnRegion);
    if (environment.agentCore?.gatewayUrl && !isAwsHost(environment.agentCore.gatewayUrl)) sources.push(...originSources(environment.agentCore.gatewayUrl));
    for (const endpoint of Object.values(environment.endpoints ?? {})) if (endpoint) sources.push(...originSources(endpoint));
    if (environment.oauth?.domain) sources.push(...hostOrigin(environment.oauth.domain));
  }
  return { regions: unique(regions.filter(isRegion)), sources: unique(sources) };
}

/** AWS's own hosts are covered by their region's sources; only custom domains need listing. */
function isAwsHost(raw: string): boolean {
  try {
    return /\.amazonaws\.com(\.cn)?$/.test(new URL(raw).hostname);
  } catch {
    return false;
  }
}
