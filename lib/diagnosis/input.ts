import { CLOUDTRAIL_VERDICTS, type CloudTrailVerdict, type DiagnoseInput } from "./types";

/**
 * Turns pasted text into a DiagnoseInput. A JSON object shaped like a failure — a test call
 * ({outcome, status, errorType, message, summary}), a DiagnoseInput, an AWS error body
 * ({__type, message}) — contributes its fields, `status` always being the HTTP status (AwsAnswer);
 * the raw text is always kept too, so nothing a rule could match is lost. Anything else is plain
 * text.
 */

interface ParsedInput {
  readonly input: DiagnoseInput;
  /** Values present but unusable (a status of "abc", an unknown CloudTrail verdict …). */
  readonly problems: readonly string[];
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

export function parseFailureText(raw: string): ParsedInput {
  const trimmed = raw.trim();
  if (!trimmed.startsWith("{")) return { input: { text: raw }, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { input: { text: raw }, problems: [] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { input: { text: raw }, problems: [] };
  const { input, problems } = fromObject(json as Json);
  return { input: { ...input, text: raw }, problems };
}

/** Reads the fields a failure object may carry; unknown keys are ignored. */
function fromObject(o: Json): ParsedInput {
  const problems: string[] = [];
  const statusValue = o.status ?? o.statusCode;
  const status = statusValue === undefined ? undefined : checkStatus(statusValue, problems);
  const tokenUse = o.tokenUse === undefined ? undefined : checkTokenUse(o.tokenUse, problems);
  const verdict = o.cloudTrailVerdict === undefined ? undefined : checkVerdict(o.cloudTrailVerdict, problems);
  const headers = isStringRecord(o.headers) ? o.headers : undefined;
  const authorizer = typeof o.authorizer === "string" || (typeof o.authorizer === "object" && o.authorizer !== null) ? (o.authorizer as DiagnoseInput["authorizer"]) : undefined;
  const input: DiagnoseInput = {
    ...(str(o.text) ? { text: str(o.text) } : {}),
    ...(str(o.service) ? { service: str(o.service) } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(headers ? { headers } : {}),
    ...(str(o.body) ? { body: str(o.body) } : {}),
    ...(str(o.errorType ?? o.__type ?? o.code) ? { errorType: str(o.errorType ?? o.__type ?? o.code) } : {}),
    ...(str(o.message ?? o.Message ?? o.errorMessage) ? { message: str(o.message ?? o.Message ?? o.errorMessage) } : {}),
    ...(str(o.summary) ? { summary: str(o.summary) } : {}),
    ...(str(o.variant) ? { variant: str(o.variant) } : {}),
    ...(tokenUse ? { tokenUse } : {}),
    ...(authorizer ? { authorizer } : {}),
    ...(verdict ? { cloudTrailVerdict: verdict } : {}),
  };
  return { input, problems };
}

export function checkStatus(v: unknown, problems: string[]): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{3}$/.test(v.trim()) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 100 && n <= 599) return n;
  problems.push(`status must be an HTTP status (100-599), not ${JSON.stringify(v)}`);
  return undefined;
}

export function checkTokenUse(v: unknown, problems: string[]): "id" | "access" | undefined {
  if (v === "id" || v === "access") return v;
  problems.push(`tokenUse must be id or access, not ${JSON.stringify(v)}`);
  return undefined;
}

export function checkVerdict(v: unknown, problems: string[]): CloudTrailVerdict | undefined {
  if (typeof v === "string" && (CLOUDTRAIL_VERDICTS as readonly string[]).includes(v)) return v as CloudTrailVerdict;
  problems.push(`cloudTrailVerdict must be one of ${CLOUDTRAIL_VERDICTS.join(", ")}, not ${JSON.stringify(v)}`);
  return undefined;
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}
