import { parseArgs } from "node:util";
import { clarify, diagnose, type Question } from "../../lib/diagnosis/question";
import { checkStatus, checkTokenUse, checkVerdict, parseFailureText } from "../../lib/diagnosis/input";
import { diagnosisLink } from "../../lib/diagnosis/links";
import type { DiagnoseInput, Match, Source } from "../../lib/diagnosis/types";
import { EXIT, UsageError, type CliIo } from "../io";
import type { Command } from "./command";
import { readLog, renderLogScan, scanOrUsage } from "./diagnose-log";

const usage = `Usage: auth-flow-debugger diagnose [TEXT|-] [--json] [--service NAME] [--variant NAME] [--status N]
                                  [--token-use id|access] [--cloudtrail VERDICT]
       auth-flow-debugger diagnose --log FILE|- [--json] [--service NAME]

Matches an error message, a pasted HTTP response or a whole log against the known causes of
"signed in, then Unauthorized" (and the AWS errors around it), best first, each with its fix.
TEXT may also be JSON: a test-test call ({status, errorType, message, summary}) or
{text, service, variant, tokenUse, authorizer, cloudTrailVerdict}. With - or no TEXT, stdin.

  --json              {"matches":[{"id","title","score","signals","cause","fix"}]}, best first; when only a
                      refusal is seen, also {"question":{"evidence","candidates","answers"}}
  --service NAME      where it failed: appsync, agentcore, agentcore-gateway, cognito, identity-pool, bedrock …
  --variant NAME      the credential used: api-key, id-token, access-token, iam, sigv4-presigned, jwt-subprotocol,
                      lambda-token (what an AppSync AWS_LAMBDA authorizer was sent)
  --status N          the HTTP status
  --token-use K       id or access
  --cloudtrail V      assumed, assumed-other-role, refused or absent

  --log FILE          a whole log (up to 10 MB; - for stdin): each distinct failure once, with
                      the lines it was seen on and its fix link, then the failures no known cause
                      fits. With --json: {"known":[{"id","title","link","count","lines",…}],
                      "unrecognised":[{"message","count","lines",…}],…}

When the text says only that a call was refused ("Unauthorized", a 401, Amplify's recoverySuggestion),
the answer is the candidate causes and the question which credential was sent: run again with
--service and --variant to narrow it.

Exit codes: 0 done (an empty list when nothing matches), 2 bad input or an unreadable log.
`;

export const diagnoseCommand: Command = {
  name: "diagnose",
  summary: "match an error or log against the known causes, with fixes",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        service: { type: "string" },
        variant: { type: "string" },
        status: { type: "string" },
        "token-use": { type: "string" },
        cloudtrail: { type: "string" },
        log: { type: "string" },
      },
    });
    if (values.log !== undefined) {
      if (positionals.length > 0) throw new UsageError("--log reads the log from FILE: give no TEXT with it.");
      const oneFailure = (["variant", "status", "token-use", "cloudtrail"] as const).filter((k) => values[k] !== undefined);
      if (oneFailure.length > 0) throw new UsageError(`--${oneFailure[0]} describes one failure, not a log: use it without --log.`);
      const log = await readLog(values.log, io);
      const result = scanOrUsage(log.text, log.name, values.service);
      io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderLogScan(log.name, result));
      return EXIT.pass;
    }
    const text = await readText(positionals, io);
    const parsed = parseFailureText(text);
    const problems = [...parsed.problems];
    const input: DiagnoseInput = {
      ...parsed.input,
      ...(values.service ? { service: values.service } : {}),
      ...(values.variant ? { variant: values.variant } : {}),
      ...(values.status !== undefined ? { status: checkStatus(values.status, problems) } : {}),
      ...(values["token-use"] !== undefined ? { tokenUse: checkTokenUse(values["token-use"], problems) } : {}),
      ...(values.cloudtrail !== undefined ? { cloudTrailVerdict: checkVerdict(values.cloudtrail, problems) } : {}),
    };
    if (problems.length > 0) throw new UsageError(problems.join("\n"));

    const matches = diagnose(input);
    const question = matches.length === 0 ? clarify(input) : null;
    if (values.json) {
      const out = matches.map(({ id, title, score, signals, cause, fix }) => ({ id, title, score, signals, cause, fix }));
      io.stdout(`${JSON.stringify({ matches: out, ...(question ? { question: questionJson(question) } : {}) }, null, 2)}\n`);
    } else {
      io.stdout(question ? renderQuestion(question) : render(matches));
    }
    return EXIT.pass;
  },
};

async function readText(positionals: readonly string[], io: CliIo): Promise<string> {
  if (positionals.length > 1) throw new UsageError(`Expected one TEXT, got ${positionals.length} arguments (quote the text, or pipe it in with -).`);
  const [arg] = positionals;
  if (arg === undefined && io.stdinIsTTY) throw new UsageError("No TEXT given: pass the error as an argument, or pipe it in and use -.");
  const text = arg !== undefined && arg !== "-" ? arg : await io.readStdin();
  if (text.trim() === "") throw new UsageError("Nothing to diagnose: the input is empty.");
  return text;
}

function render(matches: readonly Match[]): string {
  if (matches.length === 0) return "No known cause matches this input.\n";
  const lines = [`${matches.length === 1 ? "1 known cause matches" : `${matches.length} known causes match`} (best first):`];
  matches.forEach((m, i) => {
    lines.push("", `${i + 1}. ${m.title}`, `   id: ${m.id}   score: ${m.score}   link: ${diagnosisLink(m.id)}`, "   Evidence:");
    for (const s of m.signals) lines.push(`     ${s.weight < 0 ? "-" : "+"} ${s.detail}`);
    lines.push(`   Cause: ${m.cause}`, "   Fix:");
    m.fix.forEach((step, n) => {
      lines.push(`     ${n + 1}. ${step.text}`);
      if (step.snippet) lines.push(...step.snippet.code.split("\n").map((l) => `          ${l}`));
    });
    lines.push(`   Source: ${m.source.map(sourceText).join("; ")}`);
  });
  return `${lines.join("\n")}\n`;
}

function sourceText(s: Source): string {
  const where = s.kind === "seed" ? `seed ${s.ref}` : s.url;
  return s.note ? `${where} (${s.note})` : where;
}

/** The question as data: what was seen, the candidates, and each answer's command and cause. */
function questionJson(q: Question) {
  return {
    evidence: q.evidence,
    candidates: q.candidates.map(({ id, title, score }) => ({ id, title, score })),
    answers: q.answers.map(({ option, match, related }) => ({
      credential: option.label,
      service: option.service,
      variant: option.variant,
      cause: match ? { id: match.id, title: match.title } : null,
      check: related.map(({ id, title }) => ({ id, title })),
    })),
  };
}

function renderQuestion(q: Question): string {
  const lines = [
    "No known cause fits this text on its own: it says only that the call was refused.",
    `Seen: ${q.evidence.join("; ")}.`,
  ];
  if (q.candidates.length > 0) lines.push("", "Candidates, most likely first:", ...q.candidates.map((m, i) => `  ${i + 1}. ${m.title} (${diagnosisLink(m.id)})`));
  lines.push("", "Which credential did the call send? Run again with it:");
  for (const { option, match, related } of q.answers) {
    const outcome = match ? `→ ${match.title}` : related.length > 0 ? `→ no single cause; check: ${related.map((r) => r.id).join(", ")}` : "→ no known cause for this credential";
    lines.push(`  ${option.label}`, `    --service ${option.service} --variant ${option.variant}   ${outcome}`);
  }
  return `${lines.join("\n")}\n`;
}
