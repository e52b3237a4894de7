/**
 * The quoted evidence in a diagnosis ends up in tickets and chat, so it is kept short and anything
 * that looks like a credential is masked — a pattern such as "Authorization: Bearer eyJ…" can
 * match a live token. Only the matched span is ever quoted, never the surrounding log.
 */

const MAX_EXCERPT = 140;

const SECRETS: ReadonlyArray<[RegExp, string]> = [
  [/eyJ[\w-]{4,}\.[\w-]{4,}(?:\.[\w-]*)?/gi, "eyJ…(JWT)"],
  [/\b(bdk_v1_)[\w-]{4,}/gi, "$1…"],
  [/\b((?:AKIA|ASIA)[A-Z0-9]{4})[A-Z0-9]{8,}/g, "$1…"],
  [/(x-amz-(?:signature|security-token|credential)=)[^&\s"']+/gi, "$1…"],
  [/(\bapi[_-]?key["']?\s*[:=]\s*["']?)[^\s"']{6,}/gi, "$1…"],
];

export function excerpt(original: string, lower: string, index: number, length: number): string {
  // Lower-casing can change a string's length (rare Unicode); offsets then only fit the lower copy.
  const source = original.length === lower.length ? original : lower;
  let text = source.slice(index, index + length).replace(/\s+/g, " ").trim();
  for (const [pattern, replacement] of SECRETS) text = text.replace(pattern, replacement);
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}
