/** One token found in pasted text, with where it was found. */
export interface TokenCandidate {
  readonly token: string;
  /** Where it was found, for people: "Authorization header", "JSON field AuthenticationResult.AccessToken". */
  readonly source: string;
  /** How an Authorization header carried it: AgentCore/API Gateway want Bearer, AppSync the raw JWT. */
  readonly scheme?: "bearer" | "raw";
}
