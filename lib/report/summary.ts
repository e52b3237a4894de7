import type { Environment } from "../config/environment";
import { fillPlaceholders, knownIdsOf } from "../diagnosis/fill-snippet";
import { diagnosisLink, diagnosisUrl } from "../diagnosis/links";
import type { FixStep } from "../diagnosis/types";
import type { Check } from "../tokens/checks";
import type { TestCallResult } from "../test-calls/types";

/**
 * The top of a report, for the person who opens it first (support, a colleague): what failed,
 * with which credential, the likely cause, the first step of its fix and a link to the whole fix.
 * Cells that share a cause are listed under it once; cells no known cause fits are listed by
 * what AWS answered; cells that could not run say what was missing.
 */

export interface ReportedCall {
  row: string;
  column: string;
  /** "AppSync HTTP", "AgentCore runtime HTTP" … (the ids when not given). */
  rowLabel?: string;
  /** The credential: "IAM (SigV4, identity pool)", "User pool: access token" … */
  columnLabel?: string;
  result: TestCallResult;
  diagnosis?: { id: string; title: string; cause?: string; fix?: readonly FixStep[] };
}

export interface SummaryInput {
  environment?: Environment;
  /** The account the calls ran in, when the caller identity proved it. */
  account?: string;
  /** Where the dashboard runs, so links to /diagnose#id work outside it. */
  origin?: string;
  testCalls?: readonly ReportedCall[];
  tokens?: readonly { label: string; checks?: readonly Check[] }[];
  authorizer?: { consumer: string; verdict: string; checks: readonly Check[] };
}

const FAILED: ReadonlySet<TestCallResult["outcome"]> = new Set(["fail", "blocked", "error"]);

export const callName = (c: ReportedCall) => `**${c.rowLabel ?? c.row}** with **${c.columnLabel ?? c.column}**`;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** An absolute link where the origin is known, else the site-relative one. */
export function linkTo(id: string, origin?: string): string {
  return origin ? diagnosisUrl(origin, id) : diagnosisLink(id);
}

/** A fenced block inside a list item: indented so Markdown keeps it in the item. */
function indentedFence(lang: string, code: string): string[] {
  return ["", `    \`\`\`${lang}`, ...code.split("\n").map((line) => `    ${line}`), "    ```"];
}

function causeLines(calls: readonly ReportedCall[], input: SummaryInput): string[] {
  const d = calls[0]!.diagnosis!;
  const lines = [`- ${d.title} — [${d.id}](${linkTo(d.id, input.origin)})`];
  for (const c of calls) lines.push(`  - ${callName(c)}: ${oneLine(c.result.summary)}`);
  if (d.cause) lines.push(`  - Cause: ${oneLine(d.cause)}`);
  const first = d.fix?.[0];
  if (first) {
    lines.push(`  - Fix: ${oneLine(first.text)}${d.fix!.length > 1 ? ` (${d.fix!.length - 1} more step${d.fix!.length > 2 ? "s" : ""} at the link)` : ""}`);
    if (first.snippet) lines.push(...indentedFence(first.snippet.lang, fillPlaceholders(first.snippet.code, knownIdsOf(input.environment, input.account))));
  }
  return lines;
}

function testCallLines(input: SummaryInput): string[] {
  const calls = input.testCalls ?? [];
  const failed = calls.filter((c) => FAILED.has(c.result.outcome));
  const notRun = calls.filter((c) => c.result.outcome === "not-run");
  const passed = calls.filter((c) => c.result.outcome === "pass").length;
  const lines = [`${failed.length} of ${calls.length} test calls failed, ${passed} passed${notRun.length ? `, ${notRun.length} could not run` : ""}.`, ""];
  const byCause = new Map<string, ReportedCall[]>();
  for (const c of failed.filter((c) => c.diagnosis)) byCause.set(c.diagnosis!.id, [...(byCause.get(c.diagnosis!.id) ?? []), c]);
  for (const group of byCause.values()) lines.push(...causeLines(group, input));
  // AWS's words end each line: the report's redaction reads a message to the end of its line.
  for (const c of failed.filter((c) => !c.diagnosis)) lines.push(`- ${callName(c)} (no known cause fits; its request and answer are below): ${oneLine(c.result.summary)}`);
  if (notRun.length) {
    lines.push(`- Could not run (something they need is missing):`);
    for (const c of notRun) {
      const link = c.diagnosis ? ` ([${c.diagnosis.id}](${linkTo(c.diagnosis.id, input.origin)}))` : "";
      lines.push(`  - ${callName(c)}${link}: ${oneLine(c.result.summary)}`);
    }
  }
  return lines;
}

function checkLines(label: string, checks: readonly Check[] | undefined): string[] {
  const failing = (checks ?? []).filter((c) => c.status === "fail");
  return failing.map((c) => `- ${label}: ${c.name} failed — ${oneLine(c.message)}`);
}

/** The summary's lines, or none when the report holds nothing that could fail. */
export function summaryLines(input: SummaryInput): string[] {
  const lines: string[] = [];
  if (input.testCalls?.length) lines.push(...testCallLines(input));
  const checks = [
    ...(input.tokens ?? []).flatMap((t) => checkLines(t.label, t.checks)),
    ...(input.authorizer ? checkLines(input.authorizer.consumer, input.authorizer.checks) : []),
  ];
  if (input.authorizer) lines.push(`- ${input.authorizer.consumer}: **${input.authorizer.verdict}**`);
  lines.push(...checks);
  const hasChecks = (input.tokens ?? []).some((t) => t.checks?.length) || input.authorizer !== undefined;
  if (!input.testCalls?.length && hasChecks && checks.length === 0) lines.push("No check failed.");
  return lines;
}
