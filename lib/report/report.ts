import type { Environment } from "../config/environment";
import type { Check } from "../tokens/checks";
import { redactJson, redactText } from "../redact";
import { callName, linkTo, summaryLines, type ReportedCall } from "./summary";

/**
 * A report to paste into a ticket (Markdown) or hand to a tool (JSON). Everything goes through
 * the one redaction function on the way out, so a report can be attached anywhere: token
 * signatures, secret keys, session tokens, API keys and presigned signatures never appear.
 */

export interface ReportInput {
  title: string;
  generatedAt: Date;
  /** Where the dashboard runs (`https://debugger.example.com`): links to /diagnose#id become absolute. */
  origin?: string;
  environment?: Environment;
  /** The account the calls ran in, when the caller identity proved it (fills fix snippets). */
  account?: string;
  tokens?: { label: string; header: Record<string, unknown>; claims: Record<string, unknown>; checks?: readonly Check[] }[];
  authorizer?: { consumer: string; verdict: string; response?: string; checks: readonly Check[] };
  testCalls?: ReportedCall[];
  cloudTrail?: { verdict: string; explanation: string; events?: unknown[] }[];
}

/** The environment without anything secret: no API keys. */
function publicEnvironment(environment: Environment) {
  return { ...environment, appSync: environment.appSync.map(({ apiKey, ...api }) => ({ ...api, apiKey: apiKey ? "(set, not included)" : undefined })) };
}

export function reportJson(input: ReportInput): string {
  const body = {
    title: input.title,
    generatedAt: input.generatedAt.toISOString(),
    environment: input.environment && publicEnvironment(input.environment),
    tokens: input.tokens,
    authorizer: input.authorizer,
    testCalls: input.testCalls?.map(({ row, column, result, diagnosis }) => ({
      row,
      column,
      ...result,
      diagnosis: diagnosis && { id: diagnosis.id, title: diagnosis.title, link: linkTo(diagnosis.id, input.origin) },
    })),
    cloudTrail: input.cloudTrail,
  };
  return JSON.stringify(redactJson(body), null, 2);
}

export function reportMarkdown(input: ReportInput): string {
  const lines: string[] = [`# ${input.title}`, "", `Generated ${input.generatedAt.toISOString()} by Auth Flow Debugger.`, ""];
  const summary = summaryLines(input);
  if (summary.length) lines.push("## Summary", "", ...summary, "");
  if (input.environment) {
    const e = publicEnvironment(input.environment);
    lines.push("## Environment", "", `- ${e.name} (${e.region})`, `- User pool \`${e.userPoolId}\`, app client \`${e.userPoolClientId}\``);
    if (e.identityPoolId) lines.push(`- Identity pool \`${e.identityPoolId}\``);
    for (const api of e.appSync) lines.push(`- AppSync ${api.name}: \`${api.url}\` (default ${api.defaultAuthMode}${api.additionalAuthModes.length ? `, also ${api.additionalAuthModes.join(", ")}` : ""})`);
    if (e.agentCore?.runtimeArn) lines.push(`- AgentCore runtime \`${e.agentCore.runtimeArn}\` (qualifier ${e.agentCore.qualifier})`);
    if (e.agentCore?.gatewayUrl) lines.push(`- AgentCore gateway \`${e.agentCore.gatewayUrl}\``);
    lines.push("");
  }
  for (const token of input.tokens ?? []) {
    lines.push(`## ${token.label}`, "", "Header and claims (signature removed):", "", "```json", JSON.stringify({ header: token.header, claims: token.claims }, null, 2), "```", "");
    if (token.checks) lines.push(...checkTable(token.checks), "");
  }
  if (input.authorizer) {
    lines.push(`## Authorizer: ${input.authorizer.consumer}`, "", `Verdict: **${input.authorizer.verdict}**${input.authorizer.response ? ` — ${input.authorizer.response}` : ""}`, "", ...checkTable(input.authorizer.checks), "");
  }
  if (input.testCalls?.length) {
    lines.push("## Test calls", "", "| Call | Credential | Result | Diagnosis | Detail |", "| --- | --- | --- | --- | --- |");
    for (const { row, column, rowLabel, columnLabel, result, diagnosis } of input.testCalls) {
      const link = diagnosis ? `[${tableCell(diagnosis.title)}](${linkTo(diagnosis.id, input.origin)})` : "";
      // The answer last, so nothing but the cell's end follows AWS's words on the line.
      lines.push(`| ${rowLabel ?? row} | ${columnLabel ?? column} | ${result.outcome}${result.status ? ` ${result.status}` : ""} | ${link} | ${tableCell(result.summary)}${result.unconfirmed ? ` (sandbox answer; ${result.unconfirmed} not confirmed from AWS sources)` : ""} |`);
    }
    lines.push("");
    // Only cells with something to show get a section: no heading stands empty.
    for (const call of input.testCalls.filter((m) => m.result.outcome !== "pass" && (m.result.detail?.command || m.result.detail?.response))) {
      const d = call.result.detail!;
      lines.push(`### ${callName(call).replace(/\*\*/g, "")}`, "");
      if (d.command) lines.push("```sh", d.command, "```", "");
      if (d.response) lines.push("```", d.response.slice(0, 4000), "```", "");
    }
  }
  for (const verdict of input.cloudTrail ?? []) if (verdict.explanation.trim()) lines.push(`## CloudTrail: ${verdict.verdict}`, "", verdict.explanation, "");
  return redactText(lines.join("\n"));
}

function checkTable(checks: readonly Check[]): string[] {
  return ["| Check | Result | Actual | Expected |", "| --- | --- | --- | --- |", ...checks.map((c) => `| ${c.name} | ${c.status} | ${tableCell(c.actual ?? "")} | ${tableCell(c.expected ?? "")} |`)];
}

const tableCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
