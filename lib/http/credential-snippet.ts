/**
 * The one place a copied command gets real credentials: `export NAME='value'` for each
 * placeholder it reads, then the command. Built only when the user asks for it, from the
 * credentials held in memory; never stored, reported or shared (reports keep the placeholders).
 */
import type { AwsCredentials } from "../sigv4/types";
import { placeholdersIn, shellQuote, type Placeholder } from "./command-line";

/** What a test-call run holds: AppSync's and AgentCore's credential sets both fit. */
export interface SnippetCredentials {
  apiKey?: string;
  idToken?: string;
  accessToken?: string;
  m2mAccessToken?: string;
  aws?: AwsCredentials;
  /** The AWS_LAMBDA authorizer token the user typed in. */
  lambdaToken?: string;
}

function valueOf(name: Placeholder, c: SnippetCredentials): string | undefined {
  switch (name) {
    case "API_KEY":
      return c.apiKey;
    case "ID_TOKEN":
      return c.idToken;
    case "ACCESS_TOKEN":
      return c.accessToken;
    case "M2M_ACCESS_TOKEN":
      return c.m2mAccessToken;
    case "LAMBDA_TOKEN":
      return c.lambdaToken;
    case "AWS_ACCESS_KEY_ID":
      return c.aws?.accessKeyId;
    case "AWS_SECRET_ACCESS_KEY":
      return c.aws?.secretAccessKey;
    case "AWS_SESSION_TOKEN":
      return c.aws?.sessionToken;
  }
}

export type Snippet = { ok: true; text: string; variables: Placeholder[] } | { ok: false; missing: Placeholder[] };

/** Exports + command, pasteable into bash or zsh; `missing` names what the session no longer holds. */
export function commandWithCredentials(command: string, credentials: SnippetCredentials): Snippet {
  const variables = placeholdersIn(command);
  const missing = variables.filter((name) => !valueOf(name, credentials));
  if (missing.length > 0) return { ok: false, missing };
  const exports = variables.map((name) => `export ${name}=${shellQuote(valueOf(name, credentials)!)}`);
  return { ok: true, variables, text: ["# Holds live credentials: paste it into a shell, do not save or share it.", ...exports, command].join("\n") };
}
