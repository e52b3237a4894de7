import { base64url } from "jose";
import { toFieldErrors, ConfigInputError } from "../config/field-errors";
import { environmentSchema, type Environment } from "../config/environment";

/**
 * Share links carry an environment in the URL fragment (`#env=…`): fragments never reach
 * a server, so neither the dashboard's logs nor a proxy's see them. They never carry tokens or
 * credentials (environments hold none), and an AppSync API key only when the sharer ticks it.
 */

const SHARE_PARAM = "env";
const MAX_FRAGMENT_CHARS = 16 * 1024;

function shareableEnvironment(environment: Environment, options: { includeApiKeys: boolean }): Environment {
  return {
    ...environment,
    source: "user",
    appSync: environment.appSync.map(({ apiKey, ...api }) => ({ ...api, ...(options.includeApiKeys && apiKey ? { apiKey } : {}) })),
  };
}

export function shareLink(baseUrl: string, environment: Environment, options: { includeApiKeys: boolean }): string {
  const url = new URL("/environments", baseUrl);
  const payload = base64url.encode(JSON.stringify(shareableEnvironment(environment, options)));
  url.hash = `${SHARE_PARAM}=${payload}`;
  return url.toString();
}

/** The environment in a fragment (`#env=…`), validated like any other input; null when there is none. */
export function readShareFragment(hash: string): Environment | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const payload = params.get(SHARE_PARAM);
  if (payload === null) return null;
  if (payload.length > MAX_FRAGMENT_CHARS) throw new ConfigInputError("This share link is too long to be an environment.");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
  } catch {
    throw new ConfigInputError("This share link is damaged: its environment could not be read (was it cut off when copied?).");
  }
  const parsed = environmentSchema.safeParse(json);
  if (!parsed.success) throw new ConfigInputError("This share link's environment has problems", toFieldErrors(parsed.error));
  return { ...parsed.data, source: "user" };
}

