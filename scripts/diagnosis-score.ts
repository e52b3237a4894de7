// npm run diagnosis:score: the diagnosis engine's accuracy on the wording corpus from the wild
// (lib/diagnosis/test-support/wild). Top-1 accuracy on tuning and held-out separately, false
// matches on unrelated errors, and the corpus size. Held-out figures are aggregates only: no
// held-out text or per-entry result is ever printed, so rules cannot be tuned to them.
//
//   npm run diagnosis:score -- [--misses]     (--misses lists tuning misses only)
import { parseArgs } from "node:util";
import { diagnose } from "../lib/diagnosis";
import { clarify } from "../lib/diagnosis/question";
import { wildCorpus, wildUnrelated, type WildCase } from "../lib/diagnosis/test-support/wild";

const { values } = parseArgs({ options: { misses: { type: "boolean", default: false } } });

function firstId(text: string): string | null {
  return diagnose(text)[0]?.id ?? null;
}

/** An entry counts when the first rule is its rule (or the accepted alternative); rule null counts when nothing matches. */
function correct(entry: WildCase, first: string | null): boolean {
  if (entry.rule === null) return first === null;
  return first === entry.rule || (entry.alsoAcceptable !== undefined && first === entry.alsoAcceptable);
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);

function summary(label: string, entries: readonly WildCase[]) {
  const results = entries.map((e) => ({ entry: e, first: firstId(e.text) }));
  const right = results.filter((r) => correct(r.entry, r.first)).length;
  const withRule = results.filter((r) => r.entry.rule !== null);
  const withoutRule = results.filter((r) => r.entry.rule === null);
  const wrongRule = results.filter((r) => r.first !== null && !correct(r.entry, r.first)).length;
  console.log(`${label}: top-1 ${right}/${entries.length} = ${pct(right, entries.length)}`);
  const questions = results.filter((r) => r.first === null && !correct(r.entry, r.first)).map((r) => ({ r, q: clarify(r.entry.text) })).filter(({ q }) => q !== null);
  const asked = questions.length;
  // A question whose answers include the right cause (the user picks the credential they sent) is reported apart, never in top-1.
  const answerable = questions.filter(({ r, q }) => q!.answers.some((a) => a.match && (a.match.id === r.entry.rule || a.match.id === r.entry.alsoAcceptable))).length;
  console.log(`  cause with a rule found first: ${withRule.filter((r) => correct(r.entry, r.first)).length}/${withRule.length}; silent when no rule covers it: ${withoutRule.filter((r) => r.first === null).length}/${withoutRule.length}; a wrong rule first: ${wrongRule}; answered with the credential question instead: ${asked} (the right cause among its answers: ${answerable})`);
  return results;
}

const corpus = wildCorpus();
const tuning = corpus.filter((e) => e.split === "tuning");
const heldOut = corpus.filter((e) => e.split === "held-out");
const unrelated = wildUnrelated();
const families = [...new Set(corpus.map((e) => e.family))].map((f) => `${f} ${corpus.filter((e) => e.family === f).length}`).join(", ");

console.log(`wild corpus: ${corpus.length} auth entries (${families}); tuning ${tuning.length}, held-out ${heldOut.length}; unrelated ${unrelated.length}`);
const tuningResults = summary("tuning", tuning);
summary("held-out", heldOut);
const falseMatches = unrelated.filter((u) => firstId(u.text) !== null);
console.log(`unrelated: false matches ${falseMatches.length}/${unrelated.length} = ${pct(falseMatches.length, unrelated.length)}`);

if (values.misses) {
  const misses = tuningResults.filter((r) => !correct(r.entry, r.first));
  console.log(`\ntuning misses (${misses.length}):`);
  for (const { entry, first } of misses) {
    console.log(`- expected ${entry.rule ?? `nothing (${entry.cause})`}${entry.alsoAcceptable ? ` or ${entry.alsoAcceptable}` : ""}, got ${first ?? "nothing"} — ${entry.source}\n  ${entry.text.replace(/\s+/g, " ").slice(0, 200)}`);
  }
  console.log(`\nunrelated false matches (${falseMatches.length}):`);
  for (const u of falseMatches) console.log(`- ${firstId(u.text)} — ${u.source}\n  ${u.text.replace(/\s+/g, " ").slice(0, 200)}`);
}
