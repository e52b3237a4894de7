import type { ScenarioContext } from "./scenario-context";

/**
 * `{{name}}` placeholders in a case's URL, headers and body. `{{name|uri}}` URL-encodes the
 * value and `{{name|b64url}}` base64url-encodes it (AgentCore's browser subprotocol carries the
 * token that way). Tokens and identity ids are fetched only when a case names them.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?:\|\s*(uri|b64url)\s*)?\}\}/g;

export interface ResolveOptions {
  user?: string;
  /** Separates tokens issued under this case's faults from the cached ones. */
  sessionKey?: string;
}

async function valueOf(name: string, ctx: ScenarioContext, options: ResolveOptions): Promise<string> {
  const fixed = ctx.values()[name];
  if (fixed !== undefined) return fixed;
  switch (name) {
    case "idToken":
    case "accessToken":
    case "refreshToken":
      return (await ctx.signIn(options.user, options.sessionKey))[name];
    case "identityId":
      return ctx.identityId("user", options.user);
    case "guestIdentityId":
      return ctx.identityId("guest", undefined);
    default:
      throw new Error(`unknown placeholder {{${name}}} (scenario ${ctx.scenario.name})`);
  }
}

const encode = (value: string, filter: string | undefined) =>
  filter === "uri" ? encodeURIComponent(value) : filter === "b64url" ? Buffer.from(value, "utf8").toString("base64url") : value;

export async function resolveText(text: string, ctx: ScenarioContext, options: ResolveOptions): Promise<string> {
  const names = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  const values = new Map<string, string>();
  for (const name of names) values.set(name, await valueOf(name, ctx, options));
  return text.replace(PLACEHOLDER, (_all, name: string, filter: string | undefined) => encode(values.get(name)!, filter));
}

/** Resolves every string inside a JSON value. */
export async function resolveValue<T>(value: T, ctx: ScenarioContext, options: ResolveOptions): Promise<T> {
  if (typeof value === "string") return (await resolveText(value, ctx, options)) as T;
  if (Array.isArray(value)) return (await Promise.all(value.map((v) => resolveValue(v, ctx, options)))) as T;
  if (value && typeof value === "object") {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [await resolveText(k, ctx, options), await resolveValue(v, ctx, options)] as const));
    return Object.fromEntries(entries) as T;
  }
  return value;
}
