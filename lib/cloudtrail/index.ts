/**
 * lib/cloudtrail: was the identity pool's role assumed? Parsers for CloudTrail files (streaming,
 * gzip-aware), the correlation engine, and the URL fragment a "Check CloudTrail" link carries.
 * Browser, server and CLI safe; the LookupEvents client lives in ./lookup (server only).
 */
export * from "./types";
export * from "./errors";
export { normalizeRecord, normalizeValue, parseWebIdentityPrincipal, recordOf } from "./normalize";
export { TrailParser, type TrailParserOptions, type TrailParseSummary, type TrailFormat, type MalformedRecord } from "./trail-parser";
export { parseTrailStream, parseTrailText, type ParseProgress, type ParseStreamOptions, type TrailParseResult } from "./parse-stream";
export { correlate, correlateOne, relevantTo, DEFAULT_WINDOW_AFTER_MS, DEFAULT_WINDOW_BEFORE_MS } from "./correlate";
export { relativeToCall } from "./highlights";
export { failureFromFragment, failureToFragment, trailLink } from "./fragment";
