#!/usr/bin/env node
// Prints the first-load JavaScript of every route of the last production build, raw and gzip,
// from Next's own route-bundle-stats. Exits 1 when a route is over its budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const STATS = ".next/diagnostics/route-bundle-stats.json";
// gzip bytes. Baselines measured with Next 16.4.6: a bare page with only Amplify's
// Authenticator 269 KB; an empty Next.js route 134 KB. Pages that work without signing in (paste
// a token, diagnose an error, a wrong link) carry nothing of Amplify and get the tighter budget;
// every other route may cost at most what the Authenticator alone costs. First match wins.
const SIGNED_OUT_ROUTES = new Set(["/tokens", "/diagnose", "/_not-found"]);
const BUDGETS = [
  { match: (route) => SIGNED_OUT_ROUTES.has(route), gzip: 170 * 1024 },
  { match: () => true, gzip: 269 * 1024 },
];

let stats;
try {
  stats = JSON.parse(readFileSync(STATS, "utf8"));
} catch {
  console.error(`No ${STATS}: run \`npm run build\` first.`);
  process.exit(2);
}

const gzipOf = new Map();
function sizes(paths) {
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    if (!gzipOf.has(path)) {
      const bytes = readFileSync(path);
      gzipOf.set(path, { raw: bytes.length, gzip: gzipSync(bytes).length });
    }
    raw += gzipOf.get(path).raw;
    gzip += gzipOf.get(path).gzip;
  }
  return { raw, gzip };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
let over = 0;
console.log(`${"route".padEnd(28)}${"raw".padStart(10)}${"gzip".padStart(10)}${"budget".padStart(10)}`);
for (const { route, firstLoadChunkPaths } of [...stats].sort((a, b) => a.route.localeCompare(b.route))) {
  const { raw, gzip } = sizes(firstLoadChunkPaths);
  const budget = BUDGETS.find((b) => b.match(route)).gzip;
  const flag = gzip > budget ? "  OVER" : "";
  if (flag) over++;
  console.log(`${route.padEnd(28)}${kb(raw)}${kb(gzip)}${kb(budget)}${flag}`);
}
if (over) {
  console.error(`\n${over} route(s) over budget.`);
  process.exit(1);
}
