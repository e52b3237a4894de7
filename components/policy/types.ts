/** What the page knows about the signed-in identity when it opens; every field stays editable. */
export interface KnownIdentity {
  sub?: string;
  identityId?: string;
  callerArn?: string;
  account?: string;
  flow?: "enhanced" | "basic";
}

/** The GraphQL operations the test calls send: HTTP, the realtime subscription and its trigger. */
export interface Operations {
  query: string;
  subscription: string;
  trigger: string;
}
