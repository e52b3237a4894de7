import { formatIssue, parsePolicyDocument } from "@/lib/iam";
import type { LabelledPolicy } from "@/lib/policy-check";

/** The pasted texts → policies to evaluate, or the problems that keep each one from being read. */
export function readPolicy(label: string, text: string): { policy?: LabelledPolicy; problems: string[] } {
  if (!text.trim()) return { problems: [] };
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok) return { problems: parsed.issues.map((issue) => `${label}: ${formatIssue(issue)}`) };
  return { policy: { label, document: parsed.policy }, problems: [] };
}

/** "authenticated, cognito-idp…" typed by hand → the list. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
