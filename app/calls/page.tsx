import { ComingSoon } from "@/components/layout/coming-soon";

export default function CallsPage() {
  return (
    <ComingSoon title="Test calls">
      One click runs the whole matrix: AppSync over HTTP and realtime WebSocket, AgentCore runtime over HTTP and
      WebSocket, and the AgentCore Gateway&apos;s MCP endpoint — each with an API key, the ID token, the access token,
      a SigV4 header and a SigV4-presigned URL — and shows which combinations work and why the others fail.
    </ComingSoon>
  );
}
