import { diagnose } from "../lib/diagnosis";
import { wildCorpus, wildUnrelated } from "../lib/diagnosis/test-support/wild";
const ok = (e: any, f: string | null) => e.rule === null ? f === null : f === e.rule || f === e.alsoAcceptable;
for (const e of wildCorpus().filter((e) => e.split === "tuning")) {
  const m = diagnose(e.text); const f = m[0]?.id ?? null;
  if (!ok(e, f)) console.log(`\n### ${e.source} expected ${e.rule ?? "null:" + e.cause}${e.alsoAcceptable ? " / " + e.alsoAcceptable : ""} got ${m.slice(0,3).map(x=>x.id+":"+x.score).join(",") || "nothing"}\n${e.text.slice(0, 1500)}`);
}
for (const u of wildUnrelated()) { const f = diagnose(u.text)[0]; if (f) console.log(`\n### UNRELATED ${u.source} got ${f.id}:${f.score} ${f.signals.map(s=>s.detail).join(" | ")}\n${u.text.slice(0,1200)}`); }
