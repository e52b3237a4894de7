import type { z } from "zod";
import { UnrelatedFile, WildFile, type UnrelatedEntry, type WildEntry } from "./schema";
import { splitOf, type Split } from "./split";
import agentcore from "./agentcore.json";
import amplifyJs from "./amplify-js.json";
import amplifyOther from "./amplify-other.json";
import appsync from "./appsync.json";
import awsJwtVerify from "./aws-jwt-verify.json";
import awsSdk from "./aws-sdk.json";
import bedrock from "./bedrock.json";
import stackoverflow from "./stackoverflow.json";
import unrelated from "./unrelated.json";

/** Every source family's raw file; corpus.test.ts validates each against the schema. */
export const WILD_FILES: ReadonlyArray<{ readonly name: string; readonly data: unknown }> = [
  { name: "agentcore.json", data: agentcore },
  { name: "amplify-js.json", data: amplifyJs },
  { name: "amplify-other.json", data: amplifyOther },
  { name: "appsync.json", data: appsync },
  { name: "aws-jwt-verify.json", data: awsJwtVerify },
  { name: "aws-sdk.json", data: awsSdk },
  { name: "bedrock.json", data: bedrock },
  { name: "stackoverflow.json", data: stackoverflow },
];
export const UNRELATED_FILE: { readonly name: string; readonly data: unknown } = { name: "unrelated.json", data: unrelated };

export type WildCase = WildEntry & { readonly family: string; readonly split: Split };

/** The auth entries of every family, parsed, each with its split. Throws on a malformed file. */
export function wildCorpus(): WildCase[] {
  return WILD_FILES.flatMap(({ data }) => {
    const file: z.infer<typeof WildFile> = WildFile.parse(data);
    return file.entries.map((e) => ({ ...e, family: file.family, split: splitOf(e.text) }));
  });
}

export function wildUnrelated(): UnrelatedEntry[] {
  return UnrelatedFile.parse(UNRELATED_FILE.data).entries;
}
