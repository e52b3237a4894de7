import { z } from "zod";
import { AUTHORIZER_TESTS, CLOUDTRAIL_VERDICTS, SERVICES } from "./types";

/**
 * The rule set's contract, checked by a test: ids unique and stable-looking, every rule with a
 * source and a fix, every regex compiling, and every anchor really required by its regex (the
 * engine only runs a regex where its anchor occurs, so a wrong anchor silently hides a rule).
 */

const weight = z.number().int().min(-10).max(10).refine((w) => w !== 0, "weight 0 is meaningless");
const detail = z.string().min(3);

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
}

/**
 * The literal runs a regex source guarantees in every match, at the top level: groups, classes,
 * class escapes (\s, \d …), dots and optional atoms break a run; a top-level | means nothing is
 * guaranteed. Deliberately simple — rule patterns are simple.
 */
export function requiredLiterals(source: string): string[] {
  const runs: string[] = [];
  let run = "";
  const cut = () => {
    if (run) runs.push(run);
    run = "";
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atom: string | null = null; // a literal character, or null for a non-literal atom
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      atom = /[a-z0-9]/i.test(next) ? null : next;
      i += 2;
    } else if (c === "(" || c === "[") {
      i = skipGroup(source, i);
    } else if (c === "|") {
      return [];
    } else if (c === "." || c === "^" || c === "$") {
      i += 1;
    } else {
      atom = c;
      i += 1;
    }
    const optional = /^(?:\?|\*|\{0(?:,\d*)?\})\??/.exec(source.slice(i));
    const repeated = optional ? null : /^(?:\+|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
    i += (optional ?? repeated)?.[0].length ?? 0;
    if (atom === null || optional) cut();
    else {
      run += atom;
      // "ab+c" matches "abbc": the run may not continue past a repeated atom.
      if (repeated) cut();
    }
  }
  cut();
  return runs.map((r) => r.toLowerCase());
}

function skipGroup(source: string, start: number): number {
  const close = source[start] === "(" ? ")" : "]";
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (close === "]") {
      if (c === "]" && i > start) return i + 1;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return source.length;
}

const textSignal = {
  anchor: z.string().min(2).refine((a) => a === a.toLowerCase(), "anchors are lower-case"),
  pattern: z.string().min(2).refine(compiles, "pattern does not compile"),
  weight,
  detail,
};
const anchored = <T extends { anchor: string; pattern: string }>(s: T) => requiredLiterals(s.pattern).some((r) => r.includes(s.anchor));
const anchorMessage = { message: "the anchor is not a literal every match of the pattern contains" };

const signalSchema = z.union([
  z.object({ kind: z.literal("message"), ...textSignal, concept: z.literal(true).optional() }).strict().refine(anchored, anchorMessage),
  z.object({ kind: z.literal("code"), ...textSignal }).strict().refine(anchored, anchorMessage),
  z.object({ kind: z.literal("header"), name: z.string().regex(/^[a-z0-9-]+$/), ...textSignal }).strict().refine(anchored, anchorMessage),
  z.object({ kind: z.literal("status"), values: z.array(z.number().int().min(100).max(599)).min(1), weight, detail }).strict(),
  z.object({ kind: z.literal("variant"), values: z.array(z.string().min(2)).min(1), weight, detail }).strict(),
  z.object({ kind: z.literal("tokenUse"), values: z.array(z.enum(["id", "access"])).min(1), weight, detail }).strict(),
  z.object({ kind: z.literal("authorizer"), test: z.enum(AUTHORIZER_TESTS), weight, detail }).strict(),
  z.object({ kind: z.literal("cloudTrail"), values: z.array(z.enum(CLOUDTRAIL_VERDICTS)).min(1), weight, detail }).strict(),
]);

const sourceSchema = z.union([
  z.object({ kind: z.literal("seed"), ref: z.string().regex(/^\d{3}$/), note: z.string().optional() }).strict(),
  z.object({ kind: z.enum(["doc", "issue"]), url: z.url().startsWith("https://"), note: z.string().optional() }).strict(),
]);

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case id"),
    title: z.string().min(10),
    services: z.array(z.enum(SERVICES)).min(1),
    signals: z.array(signalSchema).min(1),
    cause: z.string().min(40),
    fix: z.array(z.object({ text: z.string().min(10), snippet: z.object({ lang: z.string(), code: z.string().min(1) }).strict().optional() }).strict()).min(1),
    source: z.array(sourceSchema).min(1),
  })
  .strict()
  .refine((r) => r.signals.some((s) => s.weight >= 3) || r.signals.filter((s) => s.weight >= 2).length >= 3, { message: "a rule needs one signal strong enough to be reported, or three concepts" })
  .refine((r) => r.fix.some((f) => f.snippet), { message: "a fix needs at least one command, policy or code snippet" });

export const ruleSetSchema = z.array(ruleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) ctx.addIssue({ code: "custom", message: `duplicate rule id ${r.id}` });
    seen.add(r.id);
  }
});
