import { MIN_SCORE } from "./engine";
import type { LogEntry } from "./log-entries";
import { MARKER_WORDS } from "./log-signature";
import { RULES } from "./rules";
import type { Rule } from "./types";

/**
 * Which entries of a log are worth a diagnosis. Calling the engine on every line of a 10 MB log
 * would take seconds, and most lines carry nothing; so one regex pass over the whole lower-cased
 * log finds the rules' anchors (the literals every text signal's match contains, types.ts) and the
 * failure words. An entry goes to the engine only if a signal could hold in it: one of its anchors'
 * regexes matches, or it carries a status that can bring some rule to MIN_SCORE on its own. A
 * rule's score is the sum of the weights of the signals that hold (types.ts), so with neither no
 * rule can match — the filter only skips entries the engine would find nothing in. The signals
 * that need a structured failure (variant, token kind, authorizer, CloudTrail verdict) never hold
 * for plain log text.
 */

export interface Candidate {
  readonly entry: LogEntry;
  /** A signal could hold: diagnose it. */
  readonly diagnosable: boolean;
  /** A failure word is in it (log-signature.ts): if no rule fits, it is "not recognised". */
  readonly marked: boolean;
}

interface Prepared {
  readonly words: RegExp;
  /** For each word, the words that are prefixes of it (itself included): all start where it does. */
  readonly prefixes: ReadonlyMap<string, readonly string[]>;
  readonly regexesByAnchor: ReadonlyMap<string, readonly RegExp[]>;
  readonly statuses: ReadonlySet<string>;
  readonly markers: ReadonlySet<string>;
  readonly anchorsById: ReadonlyMap<string, readonly string[]>;
}

let prepared: Prepared | undefined;

/** A status alone reaches a rule when its status signals (plus the service bonus) can reach MIN_SCORE. */
function statusesThatReach(rules: readonly Rule[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    const status = rule.signals.filter((s) => s.kind === "status" && s.weight > 0);
    if (status.reduce((t, s) => t + s.weight, 0) + 1 >= MIN_SCORE) for (const s of status) if (s.kind === "status") out.push(...s.values.map(String));
  }
  return out;
}

function prepare(): Prepared {
  if (prepared) return prepared;
  const regexesByAnchor = new Map<string, RegExp[]>();
  const anchorsById = new Map<string, string[]>();
  for (const rule of RULES) {
    const anchors: string[] = [];
    for (const s of rule.signals) {
      if (!("anchor" in s) || s.weight <= 0) continue;
      // Concepts ("identity pool", "provider") are words around a failure, not where it is written.
      if (!(s.kind === "message" && s.concept)) anchors.push(s.anchor);
      const list = regexesByAnchor.get(s.anchor) ?? [];
      list.push(new RegExp(s.pattern, "i"));
      regexesByAnchor.set(s.anchor, list);
    }
    anchorsById.set(rule.id, anchors);
  }
  const statuses = new Set(statusesThatReach(RULES));
  const list = [...new Set([...regexesByAnchor.keys(), ...MARKER_WORDS, ...statuses])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  prepared = {
    words: new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g"),
    prefixes: new Map(list.map((w) => [w, list.filter((p) => w.startsWith(p))])),
    regexesByAnchor,
    statuses,
    markers: new Set(MARKER_WORDS),
    anchorsById,
  };
  return prepared;
}

/** The anchors of a rule's text signals: where in an entry its evidence is written. */
export function anchorsOf(ruleId: string): readonly string[] {
  return prepare().anchorsById.get(ruleId) ?? [];
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The entries holding an anchor or a failure word, in order, each judged once. */
export function findCandidates(lower: string, entries: readonly LogEntry[]): Candidate[] {
  const p = prepare();
  const found: Candidate[] = [];
  const regex = p.words;
  regex.lastIndex = 0;
  let k = 0;
  let m = regex.exec(lower);
  while (m) {
    while (k < entries.length && entries[k]!.end <= m.index) k++;
    const entry = entries[k];
    if (!entry) break;
    if (m.index < entry.start) {
      regex.lastIndex = entry.start;
      m = regex.exec(lower);
      continue;
    }
    // Every word in this entry, overlapping ones too: restart one character on, take prefixes.
    let diagnosable = false;
    let marked = false;
    const text = lower.slice(entry.start, entry.end);
    const tested = new Set<string>();
    while (m && m.index < entry.end) {
      for (const word of p.prefixes.get(m[0]) ?? []) {
        if (p.markers.has(word)) marked = true;
        if (!diagnosable && p.statuses.has(word) && !isDigit(lower.charCodeAt(m.index - 1)) && !isDigit(lower.charCodeAt(m.index + word.length))) diagnosable = true;
        if (diagnosable || tested.has(word)) continue;
        tested.add(word);
        if (p.regexesByAnchor.get(word)?.some((r) => r.test(text))) diagnosable = true;
      }
      regex.lastIndex = m.index + 1;
      m = regex.exec(lower);
    }
    found.push({ entry, diagnosable, marked });
    k++;
  }
  return found;
}
