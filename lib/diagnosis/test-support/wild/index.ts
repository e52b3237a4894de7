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
import appsyncCommunity from "./appsync-community.json";
import amplifyAuth from "./amplify-auth.json";
import agentcoreRepos from "./agentcore-repos.json";
import posts from "./posts.json";
import sdkCdk from "./sdk-cdk.json";
import coverage from "./coverage.json";
import realtimeClients from "./realtime-clients.json";
import jwtEcosystem from "./jwt-ecosystem.json";
import amplifyMobile from "./amplify-mobile.json";
import posts2 from "./posts-2.json";
import github2 from "./github-2.json";
import japanese from "./japanese.json";
import agentcore3 from "./agentcore-3.json";
import amplifyGen2 from "./amplify-gen2.json";
import identityOther from "./identity-other.json";
import github3 from "./github-3.json";
import posts3 from "./posts-3.json";
import mixed4 from "./mixed-4.json";
import unrelated from "./unrelated.json";
import unrelatedGithub3 from "./unrelated-github-3.json";
import unrelatedPosts3 from "./unrelated-posts-3.json";
import unrelatedJapanese from "./unrelated-japanese.json";
import unrelatedAgentcore3 from "./unrelated-agentcore-3.json";
import unrelatedAmplifyGen2 from "./unrelated-amplify-gen2.json";
import unrelatedIdentityOther from "./unrelated-identity-other.json";
import unrelatedPosts2 from "./unrelated-posts-2.json";
import unrelatedGithub2 from "./unrelated-github-2.json";
import unrelatedRealtimeClients from "./unrelated-realtime-clients.json";
import unrelatedJwtEcosystem from "./unrelated-jwt-ecosystem.json";
import unrelatedAmplifyMobile from "./unrelated-amplify-mobile.json";
import unrelatedAppsyncCommunity from "./unrelated-appsync-community.json";
import unrelatedAmplifyAuth from "./unrelated-amplify-auth.json";
import unrelatedAgentcoreRepos from "./unrelated-agentcore-repos.json";
import unrelatedPosts from "./unrelated-posts.json";
import unrelatedSdkCdk from "./unrelated-sdk-cdk.json";
import unrelatedCoverage from "./unrelated-coverage.json";

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
  { name: "appsync-community.json", data: appsyncCommunity },
  { name: "amplify-auth.json", data: amplifyAuth },
  { name: "agentcore-repos.json", data: agentcoreRepos },
  { name: "posts.json", data: posts },
  { name: "sdk-cdk.json", data: sdkCdk },
  { name: "coverage.json", data: coverage },
  { name: "realtime-clients.json", data: realtimeClients },
  { name: "jwt-ecosystem.json", data: jwtEcosystem },
  { name: "amplify-mobile.json", data: amplifyMobile },
  { name: "posts-2.json", data: posts2 },
  { name: "github-2.json", data: github2 },
  { name: "japanese.json", data: japanese },
  { name: "agentcore-3.json", data: agentcore3 },
  { name: "amplify-gen2.json", data: amplifyGen2 },
  { name: "identity-other.json", data: identityOther },
  { name: "github-3.json", data: github3 },
  { name: "posts-3.json", data: posts3 },
  { name: "mixed-4.json", data: mixed4 },
];
/** Real non-auth errors, one file per gatherer so files grow independently. */
export const UNRELATED_FILES: ReadonlyArray<{ readonly name: string; readonly data: unknown }> = [
  { name: "unrelated.json", data: unrelated },
  { name: "unrelated-appsync-community.json", data: unrelatedAppsyncCommunity },
  { name: "unrelated-amplify-auth.json", data: unrelatedAmplifyAuth },
  { name: "unrelated-agentcore-repos.json", data: unrelatedAgentcoreRepos },
  { name: "unrelated-posts.json", data: unrelatedPosts },
  { name: "unrelated-sdk-cdk.json", data: unrelatedSdkCdk },
  { name: "unrelated-coverage.json", data: unrelatedCoverage },
  { name: "unrelated-realtime-clients.json", data: unrelatedRealtimeClients },
  { name: "unrelated-jwt-ecosystem.json", data: unrelatedJwtEcosystem },
  { name: "unrelated-amplify-mobile.json", data: unrelatedAmplifyMobile },
  { name: "unrelated-posts-2.json", data: unrelatedPosts2 },
  { name: "unrelated-github-2.json", data: unrelatedGithub2 },
  { name: "unrelated-japanese.json", data: unrelatedJapanese },
  { name: "unrelated-agentcore-3.json", data: unrelatedAgentcore3 },
  { name: "unrelated-amplify-gen2.json", data: unrelatedAmplifyGen2 },
  { name: "unrelated-identity-other.json", data: unrelatedIdentityOther },
  { name: "unrelated-github-3.json", data: unrelatedGithub3 },
  { name: "unrelated-posts-3.json", data: unrelatedPosts3 },
];

export type WildCase = WildEntry & { readonly family: string; readonly split: Split };

/** The auth entries of every family, parsed, each with its split. Throws on a malformed file. */
export function wildCorpus(): WildCase[] {
  return WILD_FILES.flatMap(({ data }) => {
    const file: z.infer<typeof WildFile> = WildFile.parse(data);
    return file.entries.map((e) => ({ ...e, family: file.family, split: file.split ?? splitOf(e.text) }));
  });
}

export function wildUnrelated(): UnrelatedEntry[] {
  return UNRELATED_FILES.flatMap(({ data }) => UnrelatedFile.parse(data).entries);
}
