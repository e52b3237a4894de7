#!/usr/bin/env node
// Amplify Hosting gives the console's environment variables to the build only; the SSR compute
// that runs the server does not see them. Amplify's documented remedy is to write the server's
// variables into .env.production during the build, which Next.js loads when the server starts.
// This does that for the AUTH_DEBUGGER_* variables, quoted so that JSON (AUTH_DEBUGGER_PRESETS)
// survives Next's .env parser: backtick-quoted (keeps " ' and #), `$` escaped (Next expands
// $NAME in .env values), JSON minified onto one line. Used by amplify.yml; prints names only.
//
//   node scripts/amplify-env.mjs [.env.production]
import { appendFileSync } from "node:fs";

const file = process.argv[2] ?? ".env.production";
const names = Object.keys(process.env).filter((name) => /^AUTH_DEBUGGER_[A-Z0-9_]+$/.test(name)).sort();

function envLine(name, raw) {
  let value = raw;
  try {
    value = JSON.stringify(JSON.parse(raw));
  } catch {
    // not JSON: written as it is
  }
  if (/[`\r\n]/.test(value)) throw new Error(`${name} contains a backtick or a line break, which .env files cannot carry`);
  return `${name}=\`${value.replace(/\$/g, "\\$")}\`\n`;
}

let lines = "";
for (const name of names) {
  try {
    lines += envLine(name, process.env[name] ?? "");
  } catch (error) {
    console.error(`amplify-env: ${error.message}; set it another way (e.g. AUTH_DEBUGGER_PRESETS_FILE).`);
    process.exit(1);
  }
}
if (lines) appendFileSync(file, lines);
console.log(names.length ? `amplify-env: wrote ${names.join(", ")} to ${file}` : "amplify-env: no AUTH_DEBUGGER_* variables set");
