/**
 * Policy text → a checked PolicyDocument, or a list of problems each naming the statement (index
 * and Sid) and the field, e.g. `Statement[1] (Sid "ReadApi") · Effect: expected "Allow" or "Deny"`.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { policyDocumentSchema, statementSchema, type PolicyDocument, type PolicyStatement } from "./schema";

export interface PolicyIssue {
  /** 0-based statement index; absent for document-level problems. */
  statement?: number;
  sid?: string;
  /** Element path inside the statement (or document), e.g. `Effect`, `Condition.StringEqual`. */
  field: string;
  message: string;
}

type ParsePolicyResult = { ok: true; policy: PolicyDocument } | { ok: false; issues: PolicyIssue[] };

type PolicyParseErrorCode = "invalid:policy:json" | "invalid:policy:document";

export class PolicyParseError extends AppError {
  override readonly name = "PolicyParseError";
  declare readonly code: PolicyParseErrorCode;
  constructor(
    code: PolicyParseErrorCode,
    readonly issues: PolicyIssue[],
  ) {
    super(code, issues.map(formatIssue).join("\n"));
  }
}

const FRIENDLY: Record<string, string> = {
  Effect: 'expected "Allow" or "Deny"',
  Principal: 'expected "*" or an object with AWS, Federated, Service or CanonicalUser',
  NotPrincipal: 'expected "*" or an object with AWS, Federated, Service or CanonicalUser',
  Version: 'expected "2012-10-17" or "2008-10-17"',
};

export function parsePolicyDocument(input: unknown): ParsePolicyResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, issues: [{ field: "(document)", message: `not JSON: ${(error as Error).message}` }] };
    }
  }
  const issues: PolicyIssue[] = [];
  // The Statement list is checked one statement at a time so every problem names its statement.
  const top = policyDocumentSchema.extend({ Statement: z.unknown() }).safeParse(value);
  if (!top.success) issues.push(...toIssues(top.error, undefined, undefined));
  const rawStatements = (value as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(rawStatements) ? rawStatements : rawStatements === undefined ? [] : [rawStatements];
  if (rawStatements === undefined || (Array.isArray(rawStatements) && rawStatements.length === 0)) {
    issues.push({ field: "Statement", message: "a policy needs at least one statement" });
  }
  const statements: PolicyStatement[] = [];
  list.forEach((raw, index) => {
    const parsed = statementSchema.safeParse(raw);
    const sid = typeof (raw as { Sid?: unknown } | null)?.Sid === "string" ? (raw as { Sid: string }).Sid : undefined;
    if (parsed.success) statements.push(parsed.data);
    else issues.push(...toIssues(parsed.error, index, sid));
  });
  if (issues.length > 0 || !top.success) return { ok: false, issues };
  const statement = Array.isArray(rawStatements) ? statements : statements[0]!;
  return { ok: true, policy: { ...top.data, Statement: statement } as PolicyDocument };
}

/** Like parsePolicyDocument, for callers that treat a bad policy as a bug. */
export function assertPolicyDocument(input: unknown): PolicyDocument {
  const result = parsePolicyDocument(input);
  if (!result.ok) {
    const json = result.issues.some((i) => i.field === "(document)");
    throw new PolicyParseError(json ? "invalid:policy:json" : "invalid:policy:document", result.issues);
  }
  return result.policy;
}

export function formatIssue(issue: PolicyIssue): string {
  const where =
    issue.statement === undefined
      ? ""
      : `Statement[${issue.statement}]${issue.sid ? ` (Sid "${issue.sid}")` : ""} · `;
  return `${where}${issue.field}: ${issue.message}`;
}

function toIssues(error: z.ZodError, statement: number | undefined, sid: string | undefined): PolicyIssue[] {
  return error.issues.flatMap((issue): PolicyIssue[] => {
    const base = { ...(statement !== undefined ? { statement } : {}), ...(sid !== undefined ? { sid } : {}) };
    if (issue.code === "unrecognized_keys") {
      const inPrincipal = issue.path[0] === "Principal" || issue.path[0] === "NotPrincipal";
      const message = inPrincipal
        ? "not a principal type (AWS, Federated, Service, CanonicalUser)"
        : "not an IAM policy element (check the spelling)";
      return issue.keys.map((key) => ({ ...base, field: [...issue.path.map(String), key].join("."), message }));
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(statement)";
    const head = String(issue.path[0] ?? "");
    const message = issue.code === "custom" ? issue.message : (FRIENDLY[head] ?? issue.message);
    return [{ ...base, field, message }];
  });
}
