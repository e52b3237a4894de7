/**
 * The agent behind every sandbox runtime: it echoes the prompt back, streamed the way agents
 * built with the AgentCore SDKs stream (server-sent events whose `data:` is a JSON string per
 * chunk), or as one JSON object when the caller asks for JSON only. The runtime passes Accept
 * through to the container and returns whatever content type the agent chose (devguide
 * runtime-http-protocol-contract: "JSON/SSE output").
 */

/** Pause between streamed chunks, so a client can be seen reading the reply as it arrives. */
export const CHUNK_DELAY_MS = 40;

/** The prompt: `prompt`, `inputText` or `message` of a JSON body, else the body as text. */
export function promptOf(body: Buffer | string): string {
  const text = body.toString().trim();
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    for (const key of ["prompt", "inputText", "message"]) if (typeof value?.[key] === "string") return value[key] as string;
  } catch {
    // not JSON: echo the text
  }
  return text;
}

/** The reply in pieces: "Echo: " and then the prompt word by word. */
export function replyChunks(prompt: string): string[] {
  const words = prompt.split(/(?<=\s)/).filter(Boolean);
  return ["Echo: ", ...(words.length ? words : ["(empty prompt)"])];
}

/** The Accept header asks for JSON and not for a stream. */
export function wantsJson(accept: string | undefined): boolean {
  const value = (accept ?? "").toLowerCase();
  return value.includes("application/json") && !value.includes("text/event-stream");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `data: "Echo: "\n\n`, `data: "hello"\n\n`, … with a small delay before each. */
export async function* sseReply(prompt: string, delayMs: number = CHUNK_DELAY_MS): AsyncIterable<string> {
  for (const chunk of replyChunks(prompt)) {
    await sleep(delayMs);
    yield `data: ${JSON.stringify(chunk)}\n\n`;
  }
}

/** `runtimeUserId`: the user the caller invoked for, as the agent would learn it (echoed so a caller can see it arrived). */
export function jsonReply(prompt: string, sessionId: string, caller: string, runtimeUserId?: string) {
  return { response: replyChunks(prompt).join(""), status: "success", sessionId, caller, ...(runtimeUserId !== undefined ? { runtimeUserId } : {}) };
}
