import type { Outbox } from "./outbox";
import type { TokenContext } from "./tokens";

/** What the user-pool operations share: the store, signing keys, sessions, the clock and the outbox. */
export interface CognitoContext extends TokenContext {
  /** SRP salt and verifier per user, remade when the password changes. */
  readonly verifiers: Map<string, { password: string; salt: string; v: bigint }>;
  /** Where the codes the sandbox "emails" go. */
  readonly outbox: Outbox;
}
