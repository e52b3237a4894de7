import type { Environment } from "../config/environment";
import { AWS_GLOBAL_SOURCES, awsRegionSources } from "../security/connect-sources";

/**
 * What a share link's environment would make the dashboard do, for the person deciding whether
 * to add it: every host it sends requests (and with them tokens, and with USER_PASSWORD_AUTH the
 * password) to, and which of those are not AWS's own.
 */

/**
 * `aws`: AWS's https endpoint for a service the dashboard calls (the hosts the page's CSP lists);
 * `amazonaws`: an amazonaws.com host that is not one of those — a VPC endpoint, or a host anyone
 * can run an API on (API Gateway invoke URLs are `{api-id}.execute-api.{region}.amazonaws.com`,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html);
 * `outside`: any other host.
 */
export type EndpointPlace = "aws" | "amazonaws" | "outside";

export interface OfferedEndpoint {
  /** Which service the URL stands in for, in a person's words. */
  readonly service: string;
  readonly url: string;
  readonly host: string;
  readonly place: EndpointPlace;
}

type OverrideKey = keyof Environment["endpoints"];

/** Typed over the schema's keys, so an override added to the schema cannot go unlisted here. */
const OVERRIDE_SERVICES: Record<OverrideKey, string> = {
  cognitoIdp: "Cognito user pools (sign-in)",
  cognitoIdentity: "Cognito identity pools (AWS credentials)",
  sts: "STS",
  agentCore: "AgentCore runtime",
  cloudTrail: "CloudTrail",
  cognitoDomain: "Cognito domain (OAuth token endpoint)",
};

const REGION_IN_AWS_HOST = /\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)\.(?:amazonaws\.com(?:\.cn)?|amazoncognito\.com)$/;

/** Where a URL's requests go; anything unreadable counts as outside. */
export function endpointPlace(raw: string): EndpointPlace {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "outside";
  }
  const host = url.hostname.toLowerCase();
  // A user pool's Cognito-prefix domain ({prefix}.auth.{region}.amazoncognito.com) is AWS's too.
  if (!/\.amazonaws\.com(\.cn)?$/.test(host) && !/\.auth\.[a-z0-9-]+\.amazoncognito\.com$/.test(host)) return "outside";
  const region = REGION_IN_AWS_HOST.exec(host)?.[1];
  const sources = [...AWS_GLOBAL_SOURCES, ...(region ? awsRegionSources(region) : [])];
  return sources.some((source) => matchesSource(url, source)) ? "aws" : "amazonaws";
}

/** CSP host-source matching, https only: `*.` stands for one or more leftmost labels. */
function matchesSource(url: URL, source: string): boolean {
  const [scheme, pattern = ""] = source.split("//");
  if (scheme !== "https:" || url.protocol !== "https:" || (url.port !== "" && url.port !== "443")) return false;
  const host = url.hostname.toLowerCase();
  return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}

function offered(service: string, url: string): OfferedEndpoint {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    host = url;
  }
  return { service, url, host, place: endpointPlace(url) };
}

/** The endpoint overrides, in the schema's order: which service, which URL. */
export function endpointOverrides(environment: Environment): OfferedEndpoint[] {
  return (Object.keys(OVERRIDE_SERVICES) as OverrideKey[]).flatMap((key) => {
    const url = environment.endpoints[key];
    return url ? [offered(OVERRIDE_SERVICES[key], url)] : [];
  });
}

/** Every URL the environment names: overrides, AppSync APIs, the AgentCore gateway. */
export function everyEndpoint(environment: Environment): OfferedEndpoint[] {
  return [
    ...endpointOverrides(environment),
    ...environment.appSync.map((api) => offered(`AppSync API "${api.name}"`, api.url)),
    ...(environment.agentCore?.gatewayUrl ? [offered("AgentCore gateway", environment.agentCore.gatewayUrl)] : []),
  ];
}

/**
 * USER_PASSWORD_AUTH is the "non-SRP authentication flow; USERNAME and PASSWORD are passed
 * directly" in InitiateAuth's AuthParameters, to the user pool endpoint; USER_SRP_AUTH takes
 * USERNAME and SRP_A instead (InitiateAuth AuthFlow, botocore cognito-idp 2016-04-18 service model;
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html).
 */
export function passwordLeavesAws(environment: Environment): OfferedEndpoint | null {
  if (environment.signInFlow !== "USER_PASSWORD_AUTH") return null;
  const signIn = endpointOverrides(environment).find((e) => e.service === OVERRIDE_SERVICES.cognitoIdp);
  return signIn && signIn.place !== "aws" ? signIn : null;
}

const SHARED_SUFFIX = "shared";
const MAX_NAME = 100;

/**
 * The name the added environment gets: the link's own, unless an environment already has it (the
 * switcher would show two identical lines), then "Name (shared)", "Name (shared 2)" …
 */
export function offeredName(name: string, takenNames: readonly string[]): string {
  const taken = new Set(takenNames);
  if (!taken.has(name)) return name;
  for (let n = 1; ; n++) {
    const suffix = ` (${SHARED_SUFFIX}${n === 1 ? "" : ` ${n}`})`;
    const candidate = `${name.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Keys sorted at every level, so two parses of one environment compare equal as text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What the dashboard does with an environment: everything but its id, name, source, description, and the API keys a link may leave out. */
function configurationOf(environment: Environment): string {
  const { id: _id, name: _name, source: _source, description: _description, ...rest } = environment;
  return canonical({ ...rest, appSync: rest.appSync.map(({ apiKey: _apiKey, ...api }) => api) });
}

/**
 * The environment already in this browser that the offer repeats (same configuration, whatever its
 * name): adding the offer would only put a second identical line in the switcher. The one with the
 * offer's id is preferred.
 */
export function sameEnvironment(offer: Environment, existing: readonly Environment[]): Environment | undefined {
  const wanted = configurationOf(offer);
  const matches = existing.filter((environment) => configurationOf(environment) === wanted);
  return matches.find((environment) => environment.id === offer.id) ?? matches[0];
}
