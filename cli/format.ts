import { formatDuration, formatUtc } from "../lib/format/time";
import type { Check } from "../lib/tokens/checks";
import { explainClaim, explainHeader } from "../lib/tokens/claims";
import type { DecodedToken } from "../lib/tokens/decode";
import type { AwsPrediction } from "../lib/tokens/authorizers/result";
import type { SelectedToken } from "./input";

/** Plain-text rendering for terminals and tickets: no colours, stable columns. */

const TIME_CLAIMS = new Set(["exp", "iat", "nbf", "auth_time"]);

function value(name: string, v: unknown, nowMs: number): string {
  if (TIME_CLAIMS.has(name) && typeof v === "number") {
    const delta = v - nowMs / 1000;
    const rel = name === "exp"
      ? delta >= 0 ? `expires in ${formatDuration(delta)}` : `expired ${formatDuration(-delta)} ago`
      : delta > 0 ? `${formatDuration(delta)} from now` : `${formatDuration(-delta)} ago`;
    return `${v} = ${formatUtc(v)} (${rel})`;
  }
  return typeof v === "string" ? v : JSON.stringify(v);
}

function table(rows: Array<[string, string, string]>): string[] {
  const width = Math.max(0, ...rows.map(([n]) => n.length));
  return rows.map(([n, v, note]) => `  ${n.padEnd(width)}  ${v}\n  ${" ".repeat(width)}  ↳ ${note}`);
}

function describeToken(token: DecodedToken): string {
  const kind = token.tokenUse === "id" ? "ID token" : token.tokenUse === "access" ? "access token" : "token (no Cognito token_use)";
  return `${kind}, ${token.kind === "cognito" ? "Cognito" : "OIDC"} issuer ${token.issuer ?? "(none)"}`;
}

export function sourceLines(selected: SelectedToken): string[] {
  const lines = [`Token: ${describeToken(selected.token)}`, `Found in: ${selected.candidate.source}`];
  if (selected.others.length > 0) {
    const shown = selected.others.slice(0, 3).map((o) => o.source).join("; ");
    lines.push(`Also found: ${shown}${selected.others.length > 3 ? " …" : ""} (choose with --pick N)`);
  }
  return lines;
}

export function renderDecoded(selected: SelectedToken, nowMs: number): string {
  const { token } = selected;
  const header = Object.entries(token.header).map(([n, v]): [string, string, string] => [n, value(n, v, nowMs), explainHeader(n)]);
  const claims = Object.entries(token.claims).map(([n, v]): [string, string, string] => [n, value(n, v, nowMs), explainClaim(n, token.tokenUse, v)]);
  return [...sourceLines(selected), "", "Header", ...table(header), "", "Claims", ...table(claims), ""].join("\n");
}

const LABEL = { pass: "PASS", fail: "FAIL", "n/a": "n/a " } as const;

export function renderChecks(title: string, checks: readonly Check[]): string {
  const lines = [title];
  for (const c of checks) {
    lines.push(`  ${LABEL[c.status]}  ${c.name}`);
    if (c.actual !== null || c.expected !== null) lines.push(`        actual: ${c.actual ?? "-"}   expected: ${c.expected ?? "-"}`);
    lines.push(`        ${c.message}`);
  }
  return lines.join("\n");
}

export function renderVerdict(checks: readonly Check[], service: string | null, response: AwsPrediction | null): string {
  const failed = checks.filter((c) => c.status === "fail");
  if (failed.length === 0) return `Verdict: PASS${service ? `: ${service} should accept this token.` : "."}`;
  const count = `${failed.length} of ${checks.length} checks fail (${failed.map((c) => c.name).join(", ")})`;
  if (!service || !response) return `Verdict: FAIL: ${count}.`;
  const answer = response.status === null
    ? `the configuration would be refused: ${response.message}`
    : `${service} would answer ${response.status} ${response.message}`;
  const caveat = response.confirmed ? "" : `\n  (wording not confirmed: ${response.source})`;
  return `Verdict: FAIL: ${count}.\n  First, ${answer}${caveat}`;
}
