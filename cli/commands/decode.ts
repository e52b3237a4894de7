import { parseArgs } from "node:util";
import { renderDecoded } from "../format";
import { parseAt, parsePick, readInput, selectToken } from "../input";
import { EXIT } from "../io";
import type { Command } from "./command";

const usage = `Usage: auth-flow-debugger decode [TOKEN|-] [--json] [--pick N] [--at TIME]

Shows what is inside a JWT, claim by claim, with what each claim means for Cognito.
TOKEN may be a bare JWT, an Authorization header, a curl command, a pasted HTTP request or
JSON; with - or no TOKEN it is read from stdin. Nothing is fetched and nothing is verified.

  --json      {"header", "claims", "tokenUse", "kind", "issuer", "source"}
  --pick N    use the N-th token found in the input (default: the first that decodes)
  --at TIME   show expiry relative to TIME (ISO 8601 or seconds since the epoch)

Exit codes: 0 decoded, 2 not a usable JWT (the reason on stderr).
`;

export const decodeCommand: Command = {
  name: "decode",
  summary: "show the header and claims of a token, explained",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, pick: { type: "string" }, at: { type: "string" } },
    });
    const now = parseAt(values.at, io);
    const selected = selectToken(await readInput(positionals, io), parsePick(values.pick));
    if (values.json) {
      const { token, candidate } = selected;
      const out = { header: token.header, claims: token.claims, tokenUse: token.tokenUse, kind: token.kind, issuer: token.issuer, source: candidate.source };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      io.stdout(renderDecoded(selected, now));
    }
    return EXIT.pass;
  },
};
