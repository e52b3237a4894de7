import { authorizerHolds, buildContext, type Context } from "./context";
import { excerpt } from "./excerpt";
import { RULES } from "./rules";
import { anchorScanner, TextIndex, type AnchorScanner } from "./text-index";
import type { DiagnoseInput, Match, MatchedSignal, Rule, Signal } from "./types";

/**
 * diagnose(): which known causes fit this failure, best first. Each rule's matched signals are
 * summed; a rule is reported only with MIN_SCORE and either one signal of weight ≥ STRONG or
 * CORROBORATING independent signals of weight ≥ CONCEPT (a failure described in prose names the
 * things involved — "API Gateway", "authorizer", "access token" — rather than quoting AWS), so
 * "Unauthorized" alone (or with a 401) never yields a diagnosis. When the caller names the service
 * and a rule does not cover it, the rule's evidence counts half: the same words can mean something
 * else elsewhere.
 */

export const MIN_SCORE = 5;
const STRONG = 3;
const CONCEPT = 2;
const CORROBORATING = 3;
const SERVICE_BONUS = 1;
const OTHER_SERVICE_FACTOR = 0.5;

type TextSignal = Extract<Signal, { anchor: string }>;
interface Compiled {
  readonly rule: Rule;
  readonly regexes: ReadonlyMap<Signal, RegExp>;
}

interface CompiledSet {
  readonly rules: readonly Compiled[];
  readonly scanner: AnchorScanner;
}

// Compiled once per rule array: the regexes are the only costly part of a rule.
const compiledSets = new WeakMap<readonly Rule[], CompiledSet>();

function compileRules(rules: readonly Rule[]): CompiledSet {
  let compiled = compiledSets.get(rules);
  if (!compiled) {
    compiled = {
      rules: rules.map((rule) => ({
        rule,
        regexes: new Map(rule.signals.filter(isText).map((s) => [s, new RegExp(s.pattern, "i")] as const)),
      })),
      scanner: anchorScanner(rules.flatMap((r) => r.signals.filter(isText).map((s) => s.anchor))),
    };
    compiledSets.set(rules, compiled);
  }
  return compiled;
}

function isText(s: Signal): s is TextSignal {
  return s.kind === "message" || s.kind === "code" || s.kind === "header";
}

export function diagnose(input: string | DiagnoseInput, rules: readonly Rule[] = RULES): Match[] {
  const ctx = buildContext(typeof input === "string" ? { text: input } : input);
  const compiled = compileRules(rules);
  const index = new TextIndex(ctx.lower, compiled.scanner);
  const matches: Array<Match & { order: number }> = [];
  compiled.rules.forEach((c, order) => {
    const match = evaluate(c, ctx, index);
    if (match) matches.push({ ...match, order });
  });
  matches.sort((a, b) => b.score - a.score || b.signals.length - a.signals.length || a.order - b.order);
  return matches.map(({ order: _order, ...m }) => m);
}

function evaluate({ rule, regexes }: Compiled, ctx: Context, index: TextIndex): Match | null {
  const found: MatchedSignal[] = [];
  for (const signal of rule.signals) {
    // Concepts read prose; a test call's own context (which credential it sent) outranks them.
    if (signal.kind === "message" && signal.concept && ctx.variants.size > 0) continue;
    const hit = test(signal, regexes.get(signal), ctx, index);
    if (hit !== null) found.push({ kind: signal.kind, detail: hit.detail, weight: signal.weight, means: signal.detail, ...(hit.phrase !== undefined ? { phrase: hit.phrase } : {}) });
  }
  const positive = found.filter((s) => s.weight > 0);
  if (!positive.some((s) => s.weight >= STRONG) && positive.filter((s) => s.weight >= CONCEPT).length < CORROBORATING) return null;

  const sum = (list: readonly MatchedSignal[]) => list.reduce((t, s) => t + s.weight, 0);
  let score = sum(positive);
  if (ctx.services.length > 0) {
    if (rule.services.some((s) => ctx.services.includes(s))) {
      found.push({ kind: "service", detail: `service: ${ctx.services[0]}`, weight: SERVICE_BONUS, means: "the failing service is one this cause applies to" });
      score += SERVICE_BONUS;
    } else {
      score *= OTHER_SERVICE_FACTOR;
    }
  }
  score += sum(found.filter((s) => s.weight < 0));
  score = Math.round(score * 10) / 10;
  if (score < MIN_SCORE) return null;

  const signals = [...found].sort((a, b) => b.weight - a.weight);
  return { id: rule.id, title: rule.title, score, signals, cause: rule.cause, fix: rule.fix, source: rule.source };
}

interface Evidence {
  /** One readable line: what the signal means and what was seen. */
  readonly detail: string;
  /** The words of the input that matched, when the signal is textual. */
  readonly phrase?: string;
}

const quoted = (detail: string, phrase: string): Evidence => ({ detail: `${detail}: "${phrase}"`, phrase });
const line = (detail: string | null): Evidence | null => (detail === null ? null : { detail });

/** The signal's evidence, or null when it does not hold. */
function test(signal: Signal, regex: RegExp | undefined, ctx: Context, index: TextIndex): Evidence | null {
  switch (signal.kind) {
    case "message":
    case "code": {
      const hit = regex ? index.find(signal.anchor, regex) : null;
      return hit ? quoted(signal.detail, excerpt(ctx.text, ctx.lower, hit.index, hit.length)) : null;
    }
    case "header": {
      const value = ctx.headers.get(signal.name);
      if (value !== undefined && regex?.test(value)) return quoted(signal.detail, `${signal.name}: ${excerpt(value, value.toLowerCase(), 0, value.length)}`);
      // Pasted responses carry the header inside the text.
      const hit = regex ? index.find(signal.anchor, regex) : null;
      return hit ? quoted(signal.detail, excerpt(ctx.text, ctx.lower, hit.index, hit.length)) : null;
    }
    case "status": {
      const s = signal.values.find((v) => ctx.statuses.has(v));
      return line(s === undefined ? null : `${signal.detail} (HTTP ${s})`);
    }
    case "variant": {
      const v = signal.values.find((x) => ctx.variants.has(x));
      return line(v === undefined ? null : `${signal.detail} (variant ${[...ctx.variants][0]})`);
    }
    case "tokenUse":
      return line(ctx.tokenUse && signal.values.includes(ctx.tokenUse) ? `${signal.detail} (token_use ${ctx.tokenUse})` : null);
    case "authorizer":
      return line(authorizerHolds(signal.test, ctx) ? signal.detail : null);
    case "cloudTrail":
      return line(ctx.cloudTrail && signal.values.includes(ctx.cloudTrail) ? `${signal.detail} (CloudTrail: ${ctx.cloudTrail})` : null);
  }
}
