/**
 * Channel paths and wildcard subscriptions.
 *
 * A channel is `/{namespace}/{segment}/…`: its first segment names the namespace it belongs to
 * ("Any channel where the first segment in the path matches the name of a namespace, belongs to
 * that namespace", AppSync Events developer guide, event-api-concepts). Amplify's `events.post`
 * adds the leading slash when it is missing (amplify-js internals/events/index.ts), and the
 * developer guide's HTTP example publishes to `default/channel` without one, so both spellings
 * are read the same way here.
 *
 * A subscription may end in `*`: `/default/*` receives what is published to every channel under
 * `/default`, deeper ones included — aws/aws-appsync-community#398: a client subscribed to
 * `default/*` received the events published to `/default/download/{userSub}/{downloadId}`.
 * Publishing to a path with `*` in it is refused here (unconfirmed: AppSync's answer to it).
 */

/** At most five segments, each 1–50 letters, digits or dashes (unconfirmed: the counts are the sandbox's reading; a segment over 50 characters is refused in aws-amplify/aws-appsync-events-swift's integration tests). */
const SEGMENT = /^[A-Za-z0-9-]{1,50}$/;
const MAX_SEGMENTS = 5;

export type ParsedChannel =
  | { ok: true; path: string; namespace: string; segments: string[]; wildcard: boolean }
  | { ok: false; reason: string };

export function parseChannel(raw: unknown, { allowWildcard }: { allowWildcard: boolean }): ParsedChannel {
  if (typeof raw !== "string" || raw.trim() === "") return { ok: false, reason: "no channel" };
  const segments = raw.replace(/^\//, "").split("/");
  if (segments.length > MAX_SEGMENTS) return { ok: false, reason: `more than ${MAX_SEGMENTS} segments` };
  const wildcard = segments.at(-1) === "*";
  if (wildcard && !allowWildcard) return { ok: false, reason: "a wildcard channel cannot be published to" };
  const fixed = wildcard ? segments.slice(0, -1) : segments;
  if (fixed.length === 0) return { ok: false, reason: "no namespace" };
  for (const segment of fixed) {
    if (!SEGMENT.test(segment)) return { ok: false, reason: `segment "${segment}" is not 1–50 letters, digits or dashes` };
  }
  return { ok: true, path: `/${segments.join("/")}`, namespace: fixed[0]!, segments: fixed, wildcard };
}

/** Whether a subscription (possibly ending in `*`) receives what is published to `channel`. */
export function subscriptionMatches(subscription: Extract<ParsedChannel, { ok: true }>, channel: Extract<ParsedChannel, { ok: true }>): boolean {
  if (!subscription.wildcard) return subscription.path === channel.path;
  // `/ns/a/*` covers `/ns/a/b` and `/ns/a/b/c`, not `/ns/a` itself (#398 shows deeper channels;
  // whether `/ns/*` also gets events published to a bare `/ns` is unconfirmed: not delivered here).
  if (channel.segments.length <= subscription.segments.length) return false;
  return subscription.segments.every((segment, i) => channel.segments[i] === segment);
}
