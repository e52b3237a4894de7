/**
 * lib/ws: the WebSocket probe both AppSync realtime and AgentCore runtime streams are tested with —
 * the socket types any WebSocket (browser, `ws`) fits, and one open/read/settle loop.
 * Framework-free: browser, server and CLI.
 */
export * from "./socket";
export { runSocketProbe, type ProbeControl } from "./probe";
