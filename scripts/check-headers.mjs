#!/usr/bin/env node
// Fetches a running deployment's pages and API and checks the security headers on each answer.
//
//   node scripts/check-headers.mjs http://127.0.0.1:3000     (default: $BASE_URL or that)
//
// Checks `/`, `/tokens` (HTML: the per-request nonce CSP) and `/api/presets` (JSON: the inert
// CSP). For pages it also checks that the policy is what lib/security builds — nonce-only
// scripts, frame-ancestors 'none', … — that two requests get different nonces, and that every
// <script> in the HTML carries the header's nonce (a prerendered page would not). Prints every
// header it looked at; exits 1 when anything is missing or wrong, 2 when the server is not up.

const base = (process.argv[2] ?? process.env.BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");

const COMMON = {
  "strict-transport-security": (v) => /max-age=(\d+)/.test(v) && Number(/max-age=(\d+)/.exec(v)[1]) >= 63072000 && /includeSubDomains/i.test(v),
  "x-content-type-options": (v) => v.toLowerCase() === "nosniff",
  "referrer-policy": (v) => v.toLowerCase() === "no-referrer",
  "permissions-policy": (v) => /camera=\(\)/.test(v) && /microphone=\(\)/.test(v) && /geolocation=\(\)/.test(v),
  "x-frame-options": (v) => v.toUpperCase() === "DENY",
};

const directives = (csp) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );

function checkDocumentCsp(csp) {
  const d = directives(csp);
  const problems = [];
  const script = d["script-src"] ?? d["default-src"] ?? [];
  const nonce = script.find((v) => /^'nonce-[^']+'$/.test(v));
  if (!nonce) problems.push("script-src has no nonce");
  if (script.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
  if (script.includes("'unsafe-eval'")) problems.push("script-src allows 'unsafe-eval' (a development build?)");
  if (!script.includes("'strict-dynamic'")) problems.push("script-src lacks 'strict-dynamic'");
  const expect = { "frame-ancestors": "'none'", "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'" };
  for (const [name, value] of Object.entries(expect)) {
    if ((d[name] ?? []).join(" ") !== value) problems.push(`${name} is not ${value}`);
  }
  const connect = d["connect-src"];
  if (!connect) problems.push("no connect-src");
  else if (connect.some((v) => v === "*" || v === "https:" || v === "wss:" || v === "http:" || v === "ws:")) problems.push("connect-src allows any host");
  return { problems, nonce: nonce?.slice(7, -1) };
}

function checkInertCsp(csp) {
  const d = directives(csp);
  const problems = [];
  if ((d["default-src"] ?? []).join(" ") !== "'none'") problems.push("default-src is not 'none'");
  if ((d["frame-ancestors"] ?? []).join(" ") !== "'none'") problems.push("frame-ancestors is not 'none'");
  if (!d["sandbox"] || d["sandbox"].length > 0) problems.push("no sandbox directive (with no allow- tokens)");
  return { problems };
}

async function get(path) {
  try {
    return await fetch(base + path, { redirect: "manual", headers: { accept: path.startsWith("/api/") ? "application/json" : "text/html" } });
  } catch (error) {
    console.error(`${base}${path}: not reachable (${error.cause?.code ?? error.message})`);
    process.exit(2);
  }
}

let failures = 0;
const fail = (path, message) => {
  failures++;
  console.log(`  ✗ ${message}`);
};

const nonces = [];
for (const [path, kind] of [["/", "page"], ["/tokens", "page"], ["/api/presets", "api"]]) {
  const response = await get(path);
  const body = await response.text();
  console.log(`\n${path}  HTTP ${response.status}  ${response.headers.get("content-type") ?? ""}`);
  if (response.status !== 200) fail(path, `expected HTTP 200, got ${response.status}`);
  for (const [name, ok] of Object.entries(COMMON)) {
    const value = response.headers.get(name);
    console.log(`  ${name}: ${value ?? "(missing)"}`);
    if (value === null) fail(path, `${name} is missing`);
    else if (!ok(value)) fail(path, `${name} has an unexpected value`);
  }
  const csps = response.headers.get("content-security-policy");
  console.log(`  content-security-policy: ${csps ?? "(missing)"}`);
  if (csps === null) {
    fail(path, "content-security-policy is missing");
    continue;
  }
  if (csps.includes(", ")) fail(path, "more than one content-security-policy header (each would be enforced)");
  if (kind === "page") {
    const { problems, nonce } = checkDocumentCsp(csps);
    for (const problem of problems) fail(path, problem);
    if (nonce) {
      nonces.push(nonce);
      const scripts = body.match(/<script\b[^>]*>/g) ?? [];
      const without = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
      if (scripts.length === 0) fail(path, "the page has no <script> (is this the app?)");
      if (without.length) fail(path, `${without.length} of ${scripts.length} <script> tags lack the header's nonce (was the page prerendered?)`);
    }
  } else {
    for (const problem of checkInertCsp(csps).problems) fail(path, problem);
  }
}
if (nonces.length === 2 && nonces[0] === nonces[1]) fail("/", "two pages were served with the same nonce");

console.log(failures ? `\n${failures} problem(s) with the security headers of ${base}` : `\nAll security headers present on ${base}`);
process.exit(failures ? 1 : 0);
