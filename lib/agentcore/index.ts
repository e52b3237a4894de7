/**
 * lib/agentcore: Bedrock AgentCore from the client's side — URLs, request builders for every
 * credential variant, WebSocket auth (presigned URLs, bearer subprotocols), a streaming SSE
 * reader, the runtime stream's WebSocket probe (on lib/ws), and the test-matrix cells. Framework-free: browser, server and CLI.
 */
export * from "./urls";
export * from "./variants";
export { buildRuntimeRequest, buildGatewayRequest, type RuntimeTarget } from "./requests";
export { bearerSubprotocols, tokenFromSubprotocols, presignRuntimeWebSocketUrl, BEARER_SUBPROTOCOL, type SubprotocolToken, type PresignRuntimeWebSocket } from "./ws-auth";
export { SseParser, readSse, sseChunkText, type SseEvent } from "./sse";
export { probeWebSocket, type WsProbeInput, type WsProbeOutcome } from "./ws-probe";
export { interpretRuntimeResponse, interpretGatewayResponse, gatewayMessage, errorTypeName, type Verdict } from "./response";
export { agentCoreCells, type AgentCoreMatrixInput } from "./cells";
export { redactSubprotocols } from "./cells-ws";
