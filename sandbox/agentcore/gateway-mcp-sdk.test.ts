import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { JWT, tokensFor } from "./test-support";

/**
 * The official MCP TypeScript SDK against the CUSTOM_JWT gateway, as AWS's gateway guide has MCP
 * clients call it: streamable HTTP to `/mcp` with `Authorization: Bearer <access token>`. Nothing
 * here is adapted to the sandbox: if the SDK initializes, lists and calls, the wire is MCP's.
 */

let sandbox: RunningSandbox;
let accessToken: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  accessToken = (await tokensFor(sandbox.url, JWT)).accessToken;
});
afterAll(() => sandbox.close());

async function connect(token: string) {
  const errors: Error[] = [];
  const transport = new StreamableHTTPClientTransport(new URL(`${sandbox.url}/agentcore-gateway/${JWT.gatewayId}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "conformance", version: "1.0.0" });
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  return { client, errors };
}

describe("@modelcontextprotocol/sdk Client over StreamableHTTPClientTransport", () => {
  it("initializes with a bearer access token and lists the target's tools", async () => {
    const { client, errors } = await connect(accessToken);
    try {
      expect(client.getServerVersion()).toMatchObject({ name: JWT.gatewayId });
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(["echo-tool___echo", "echo-tool___ping"]);
      const result = await client.callTool({ name: "echo-tool___echo", arguments: { text: "from the MCP SDK" } });
      expect(result.content).toEqual([{ type: "text", text: "from the MCP SDK" }]);
      expect(errors).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("fails to connect with the ID token: the gateway answers 401 Invalid Bearer token", async () => {
    const { idToken } = await tokensFor(sandbox.url, JWT);
    await expect(connect(idToken)).rejects.toThrow(/401|Invalid Bearer token|Unauthorized/);
  });
});
