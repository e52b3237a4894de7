import fc from "fast-check";
import { base64url } from "jose";
import { importAmplifyOutputs } from "../../lib/config/amplify-outputs";
import { ConfigInputError } from "../../lib/config/field-errors";
import { TrailFileError } from "../../lib/cloudtrail/errors";
import { parseTrailText } from "../../lib/cloudtrail/parse-stream";
import { diagnose } from "../../lib/diagnosis/engine";
import { readShareFragment } from "../../lib/share/share-link";
import { decodeToken } from "../../lib/tokens/decode";
import { TokenDecodeError } from "../../lib/tokens/errors";

/**
 * Every parser of outside input, with the inputs most likely to break it and the only errors it
 * may throw. A fuzz run passes when each input is either accepted or refused with that typed
 * error and a non-empty message: never a TypeError, a RangeError, a hang or a crash.
 */

export interface FuzzTarget {
  name: string;
  inputs: fc.Arbitrary<string>;
  run(input: string): unknown;
  /** The error class this parser uses to say "your input is wrong"; `null`: it must never throw. */
  expected: (new (...args: never[]) => Error) | null;
}

const jsonText = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
const segment = fc.oneof(fc.base64String({ maxLength: 80 }), fc.string({ maxLength: 40 }), jsonText.map((t) => base64url.encode(t)));

const validOutputs = {
  auth: { aws_region: "ap-northeast-1", user_pool_id: "ap-northeast-1_AbC123", user_pool_client_id: "abcdefghijklmnopqrstuvwxyz" },
  data: { url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql", aws_region: "ap-northeast-1", default_authorization_type: "API_KEY", authorization_types: [] },
};

/** A valid document with one field replaced by an arbitrary value: the mutations users make. */
function mutated(base: object): fc.Arbitrary<string> {
  return fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.nat()).map(([value, pick]) => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown>>;
    const sections = Object.keys(copy);
    const section = copy[sections[pick % sections.length]!]!;
    const keys = Object.keys(section);
    section[keys[pick % keys.length]!] = value;
    return JSON.stringify(copy);
  });
}

const trailRecord = fc.record({ eventName: fc.constantFrom("AssumeRoleWithWebIdentity", "GetCallerIdentity", "x"), eventTime: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()), userIdentity: fc.jsonValue({ maxDepth: 2 }) });

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: "token decoder",
    inputs: fc.oneof(fc.string({ maxLength: 200 }), fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join(".")), fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`)),
    run: (input) => decodeToken(input),
    expected: TokenDecodeError,
  },
  {
    name: "amplify_outputs importer",
    inputs: fc.oneof(fc.string({ maxLength: 200 }), jsonText, mutated(validOutputs)),
    run: (input) => importAmplifyOutputs(input, { id: "fuzz" }),
    expected: ConfigInputError,
  },
  {
    name: "share link reader",
    inputs: fc.oneof(fc.string({ maxLength: 200 }), jsonText.map((t) => `#env=${base64url.encode(t)}`)),
    run: (input) => readShareFragment(input.startsWith("#") ? input : `#env=${input}`),
    expected: ConfigInputError,
  },
  {
    name: "CloudTrail parser",
    inputs: fc.oneof(
      fc.string({ maxLength: 300 }),
      jsonText,
      fc.array(trailRecord, { maxLength: 5 }).map((records) => JSON.stringify({ Records: records })),
      fc.array(trailRecord, { maxLength: 5 }).map((records) => JSON.stringify({ Events: records.map((r) => ({ CloudTrailEvent: JSON.stringify(r) })) })),
      fc.tuple(fc.array(trailRecord, { minLength: 1, maxLength: 5 }), fc.nat()).map(([records, cut]) => {
        const text = JSON.stringify({ Records: records });
        return text.slice(0, cut % text.length);
      }),
    ),
    run: (input) => parseTrailText(input),
    expected: TrailFileError,
  },
  {
    name: "diagnosis engine",
    inputs: fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 200 }), jsonText),
    run: (input) => diagnose(input),
    expected: null,
  },
];
