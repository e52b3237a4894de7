// npm run fuzz [-- RUNS [SEED]]: 100,000 generated inputs per parser of outside input (token
// decoder, amplify_outputs importer, share links, CloudTrail parser, diagnosis engine); exits 1
// when any input makes a parser throw anything but its own typed error.
import { FUZZ_TARGETS, fuzzTarget } from "../lib/fuzz/targets";

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
let failed = 0;
console.log(`fuzz: ${runs} inputs per target, seed ${seed}`);
for (const target of FUZZ_TARGETS) {
  const r = fuzzTarget(target, runs, seed);
  failed += r.failures.length;
  console.log(`${r.name.padEnd(26)} accepted ${String(r.accepted).padStart(7)}  refused ${String(r.refused).padStart(7)}  failures ${String(r.failures.length).padStart(4)}  ${r.ms} ms`);
  for (const f of r.failures.filter((x) => x.error).slice(0, 3)) console.log(`  input ${JSON.stringify(f.input)}\n  ${f.error}`);
}
// exitCode, not exit(): exit() can drop lines still buffered for a pipe.
process.exitCode = failed > 0 ? 1 : 0;
