/**
 * Reads the runtime part of a sandbox path (`/agentcore` stands for
 * `https://bedrock-agentcore.{region}.amazonaws.com`). The runtime is one path segment: its ARN,
 * percent-encoded, or its id with `?accountId=` (the service model's agentRuntimeArn accepts
 * either). An ARN pasted raw splits the path at its `/`, which AWS answers with a 404 (seed 003),
 * while a path that stops short of an operation gets "Missing Authentication Token" (CopilotKit
 * #6920) and a path naming an operation that does not exist a 404 (minorun365/marp-agent
 * docs/knowledge/features.md). They are kept apart here so the sandbox can answer each as AWS does.
 */

type RuntimePath =
  /** `arn` is the runtime as the path names it: an ARN, or a runtime id (see resolveRuntime). */
  | { kind: "invocations"; arn: string; encodedArn: string }
  | { kind: "metadata"; arn: string; encodedArn: string }
  | { kind: "ws"; arn: string; encodedArn: string }
  | { kind: "unencoded"; rawArn: string }
  | { kind: "unknown-operation" }
  | { kind: "none" };

const ROOT = "/agentcore/";
const PREFIX = "/agentcore/runtimes/";
const METADATA = "/invocations/.well-known/oauth-protected-resource";

function decoded(segment: string): { arn: string; encodedArn: string } | undefined {
  try {
    const arn = decodeURIComponent(segment);
    return { arn, encodedArn: encodeURIComponent(arn) };
  } catch {
    return undefined;
  }
}

export function parseRuntimePath(pathname: string): RuntimePath {
  // `/accounts/{accountId}/runtimes/…` is no AgentCore route (404 UnknownOperation in the capture).
  if (pathname.startsWith(`${ROOT}accounts/`)) return { kind: "unknown-operation" };
  if (!pathname.startsWith(PREFIX)) return { kind: "none" };
  const rest = pathname.slice(PREFIX.length);
  for (const [suffix, kind] of [["/invocations", "invocations"], [METADATA, "metadata"], ["/ws", "ws"]] as const) {
    if (!rest.endsWith(suffix)) continue;
    const segment = rest.slice(0, -suffix.length);
    if (segment === "") return { kind: "none" };
    if (segment.includes("/")) {
      // The WebSocket guide's own browser example puts the raw ARN in the path, so for /ws the
      // sandbox takes it whole; HTTP gets AWS's 404.
      if (kind === "ws") {
        const ws = decoded(segment);
        return ws ? { kind, ...ws } : { kind: "none" };
      }
      return kind === "invocations" ? { kind: "unencoded", rawArn: decoded(segment)?.arn ?? segment } : { kind: "none" };
    }
    const parts = decoded(segment);
    return parts ? { kind, ...parts } : { kind: "none" };
  }
  // `/runtimes/{runtime}/invoke` and the like: a runtime followed by something that is no operation.
  return rest.includes("/") && !rest.startsWith("arn") ? { kind: "unknown-operation" } : { kind: "none" };
}
