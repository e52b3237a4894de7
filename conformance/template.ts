import { TOTP_FILTERS, type CaseState } from "./case-state";
import type { ScenarioContext } from "./scenario-context";

/**
 * `{{name}}` placeholders in a case's URL, headers and body. `{{name|uri}}` URL-encodes the
 * value and `{{name|b64url}}` base64url-encodes it (AgentCore's browser subprotocol carries the
 * token that way). Tokens and identity ids are fetched only when a case names them.
 *
 * Multi-step sign-ins also need values no scenario holds:
 * - `{{x}}` for a value a `before` step captured as `x` (a Session, a SecretCode);
 * - `{{totp:SECRET}}`: the authenticator code of SECRET now, where SECRET is a captured name or a
 *   base32 secret written out (a scenario user's); `|previous` and `|stale` give the code of one
 *   and two 30-second steps earlier (a phone clock behind the server's);
 * - `{{outbox:ADDRESS}}`: the newest code the sandbox "emailed" to ADDRESS (GET /_sandbox/outbox).
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)(?::([^|}\s]+))?\s*(?:\|\s*([A-Za-z0-9]+)\s*)?\}\}/g;
const ENCODINGS = new Set(["uri", "b64url"]);
const TOKEN_PLACEHOLDERS = ["idToken", "accessToken", "refreshToken", "identityId", "guestIdentityId"];
const BASE32_SECRET = /^[A-Z2-7]{16,}$/;

export interface ResolveOptions {
  user?: string;
  /** Separates tokens issued under this case's faults from the cached ones. */
  sessionKey?: string;
  /** Values captured by this case's `before` steps, and its TOTP codes. */
  state?: CaseState;
}

/** Names a `before` step may not capture under: they already mean something. */
export function reservedNames(ctx: ScenarioContext): Set<string> {
  return new Set([...Object.keys(ctx.values()), ...TOKEN_PLACEHOLDERS, "totp", "outbox"]);
}

async function valueOf(name: string, arg: string | undefined, filter: string | undefined, ctx: ScenarioContext, options: ResolveOptions): Promise<string> {
  if (name === "totp") return totpValue(arg, filter, options);
  if (name === "outbox") return outboxCode(arg, ctx);
  if (arg !== undefined) throw new Error(`{{${name}:${arg}}}: only totp and outbox take an argument`);
  const fixed = ctx.values()[name];
  if (fixed !== undefined) return fixed;
  const captured = options.state?.captured.get(name);
  if (captured !== undefined) return captured;
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

async function totpValue(arg: string | undefined, filter: string | undefined, options: ResolveOptions): Promise<string> {
  if (!arg) throw new Error("{{totp:…}} needs a secret: a captured name or a base32 secret");
  const state = options.state;
  if (!state) throw new Error("{{totp:…}} needs a case to run in");
  const secret = state.captured.get(arg) ?? (BASE32_SECRET.test(arg) ? arg : undefined);
  if (!secret) throw new Error(`{{totp:${arg}}}: no captured value ${arg}, and it is not a base32 secret`);
  const stepsBack = filter === undefined ? 0 : TOTP_FILTERS[filter];
  if (stepsBack === undefined) throw new Error(`{{totp:${arg}|${filter}}}: the filter must be one of ${Object.keys(TOTP_FILTERS).join(", ")}`);
  return state.totp(secret, stepsBack);
}

/** The newest code sent to `address`, read where a person would read it: the sandbox's outbox. */
async function outboxCode(address: string | undefined, ctx: ScenarioContext): Promise<string> {
  if (!address) throw new Error("{{outbox:…}} needs an email address");
  const response = await fetch(`${ctx.base}/_sandbox/outbox?to=${encodeURIComponent(address)}`, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { messages?: { code?: string }[] };
  const code = body.messages?.at(-1)?.code;
  if (!code) throw new Error(`the outbox holds no code for ${address}`);
  return code;
}

const encode = (value: string, filter: string | undefined) =>
  filter === "uri" ? encodeURIComponent(value) : filter === "b64url" ? Buffer.from(value, "utf8").toString("base64url") : value;

export async function resolveText(text: string, ctx: ScenarioContext, options: ResolveOptions): Promise<string> {
  const values = new Map<string, string>();
  for (const [whole, name, arg, filter] of text.matchAll(PLACEHOLDER)) {
    if (values.has(whole)) continue;
    if (filter !== undefined && name !== "totp" && !ENCODINGS.has(filter)) throw new Error(`${whole}: unknown filter ${filter}`);
    values.set(whole, await valueOf(name!, arg, filter, ctx, options));
  }
  return text.replace(PLACEHOLDER, (whole: string, name: string, _arg: string | undefined, filter: string | undefined) =>
    name === "totp" ? values.get(whole)! : encode(values.get(whole)!, filter),
  );
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
