import type { SandboxService } from "../http/types";

/**
 * Messages the sandbox "sent". It cannot deliver email, so the codes Cognito would have mailed
 * (email MFA) are kept here for people and tests to read at `GET /_sandbox/outbox`. Newest last;
 * only the latest few hundred are kept.
 */

interface OutboxMessage {
  /** Milliseconds since epoch. */
  readonly sentAt: number;
  readonly medium: "EMAIL";
  /** The address it went to, unmasked. */
  readonly to: string;
  readonly userPoolId: string;
  readonly username: string;
  /** What the code is for: the challenge it answers. */
  readonly purpose: "EMAIL_OTP";
  readonly code: string;
}

const MAX_MESSAGES = 500;

export class Outbox {
  private readonly messages: OutboxMessage[] = [];

  constructor(private readonly now: () => number) {}

  send(message: Omit<OutboxMessage, "sentAt">): void {
    this.messages.push({ sentAt: this.now(), ...message });
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
  }

  /** Every message, or those sent to one address (case-insensitive). */
  list(to?: string): OutboxMessage[] {
    const wanted = to?.toLowerCase();
    return this.messages.filter((message) => !wanted || message.to.toLowerCase() === wanted);
  }
}

/**
 * `GET /_sandbox/outbox[?to=address]`. The sandbox listens on loopback only; CORS stays closed
 * so that no web page a developer visits can read the codes.
 */
export function outboxService(outbox: Outbox): SandboxService {
  return {
    name: "sandbox-outbox",
    cors: "closed",
    routes: [
      {
        method: "GET",
        path: /^\/_sandbox\/outbox$/,
        async handle(_params, ctx) {
          const to = ctx.url.searchParams.get("to") ?? undefined;
          return { status: 200, body: { messages: outbox.list(to) } };
        },
      },
    ],
  };
}
