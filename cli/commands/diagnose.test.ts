import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../test-support";

/** `diagnose` in-process for every path, plus one run of the real launcher. */

const cli = (args: string[], stdin = "", stdinIsTTY = false) => runCli(args, { stdin, stdinIsTTY });

interface JsonOut {
  matches: Array<{ id: string; title: string; score: number; signals: Array<{ kind: string; detail: string }>; cause: string; fix: unknown[] }>;
}
const json = (o: { stdout: string }) => JSON.parse(o.stdout) as JsonOut;

describe("auth-flow-debugger diagnose", () => {
  it("answers a bare refusal with the candidates and the flags that narrow it, and the answer names the cause", async () => {
    const out = await cli(["diagnose", "Unauthorized"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^No known cause fits this text on its own/);
    expect(out.stdout).toContain("Which credential did the call send?");
    expect(out.stdout).toContain("--service appsync --variant iam");
    const narrowed = await cli(["diagnose", "Unauthorized", "--service", "appsync", "--variant", "iam"]);
    expect(narrowed.stdout).toContain("id: appsync-unauthorized-iam");
    const asJson = JSON.parse((await cli(["diagnose", "Unauthorized", "--json"])).stdout) as { matches: unknown[]; question: { answers: Array<{ service: string; variant: string; cause: { id: string } | null }> } };
    expect(asJson.matches).toEqual([]);
    expect(asJson.question.answers.find((a) => a.service === "appsync" && a.variant === "api-key")?.cause?.id).toBe("appsync-api-key-invalid");
  });

  it("tells a Lambda authorizer's refusal from an API key's by the credential the call sent", async () => {
    const text = "UnauthorizedException: You are not authorized to make this call.";
    expect(json(await cli(["diagnose", text, "--json", "--service", "appsync", "--variant", "lambda-token"])).matches[0]?.id).toBe("appsync-lambda-authorizer-denied");
    expect(json(await cli(["diagnose", text, "--json", "--service", "appsync", "--variant", "api-key"])).matches[0]?.id).toBe("appsync-api-key-invalid");
    const bare = await cli(["diagnose", '{"errors":[{"errorType":"BadRequestException"}]}', "--service", "appsync", "--variant", "lambda-token"]);
    expect(bare.stdout).toContain("id: appsync-lambda-authorizer-not-invoked");
    expect(bare.stdout).toContain("aws lambda add-permission");
  });

  it("explains a pasted error, best first, with evidence, fix and link", async () => {
    const out = await cli(["diagnose", "Claim 'client_id' value mismatch with configuration.", "--variant", "id-token", "--service", "agentcore"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^1 known cause matches/);
    expect(out.stdout).toContain("id: cognito-client-id-mismatch");
    expect(out.stdout).toContain("link: /diagnose#cognito-client-id-mismatch");
    expect(out.stdout).toMatch(/Evidence:\n\s+\+ AgentCore's allowedClients check/);
    expect(out.stdout).toContain("session.tokens?.accessToken");
    expect(out.stdout).toMatch(/Source: seed 000/);
  });

  it("prints JSON with exactly the documented fields, best first", async () => {
    const out = await cli(["diagnose", "-", "--json"], "botocore.exceptions.NoCredentialsError: Unable to locate credentials");
    expect(out.code).toBe(0);
    const { matches } = json(out);
    expect(matches[0]?.id).toBe("credentials-missing");
    expect(Object.keys(matches[0] ?? {})).toEqual(["id", "title", "score", "signals", "cause", "fix"]);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
  });

  it("reads stdin when no TEXT is given, and takes a test call as JSON", async () => {
    const testCall = { outcome: "fail", status: 401, errorType: "UnauthorizedException", message: "Not Authorized to access listNotes on type Query" };
    const out = await cli(["diagnose", "--json", "--variant", "iam", "--service", "appsync"], JSON.stringify(testCall));
    expect(json(out).matches[0]?.id).toBe("appsync-unauthorized-iam");
  });

  it("takes the CloudTrail verdict and token kind as flags", async () => {
    const out = await cli(["diagnose", "Unauthorized", "--json", "--service", "appsync", "--variant", "iam", "--status", "401", "--cloudtrail", "assumed-other-role"]);
    expect(json(out).matches[0]?.id).toBe("identity-pool-role-mapping");
    const token = await cli(["diagnose", "HTTP 401", "--json", "--service", "agentcore", "--token-use", "id", "--variant", "id-token"]);
    expect(token.code).toBe(0);
  });

  it("exits 0 with an empty list when nothing matches", async () => {
    const out = await cli(["diagnose", "Task timed out after 3.00 seconds", "--json"]);
    expect(out).toMatchObject({ code: 0 });
    expect(json(out)).toEqual({ matches: [] });
    expect((await cli(["diagnose", "Task timed out after 3.00 seconds"])).stdout).toBe("No known cause matches this input.\n");
  });

  it("exits 2 on bad input", async () => {
    expect(await cli(["diagnose", "-"], "   \n")).toMatchObject({ code: 2, stderr: expect.stringMatching(/Nothing to diagnose/) });
    expect(await cli(["diagnose"], "", true)).toMatchObject({ code: 2, stderr: expect.stringMatching(/No TEXT given/) });
    expect(await cli(["diagnose", "a", "b"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Expected one TEXT/) });
    expect(await cli(["diagnose", "x", "--status", "abc"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/status must be/) });
    expect(await cli(["diagnose", "x", "--cloudtrail", "maybe"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/cloudTrailVerdict must be/) });
    expect(await cli(["diagnose", "x", "--token-use", "refresh"])).toMatchObject({ code: 2 });
    expect(await cli(["diagnose", "x", "--nope"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope/) });
    expect(await cli(["diagnose", "-"], '{"status": 9999}')).toMatchObject({ code: 2 });
  });

  it("is listed in the overview and has usage", async () => {
    expect((await cli(["--help"])).stdout).toMatch(/diagnose\s+match an error/);
    expect((await cli(["help", "diagnose"])).stdout).toMatch(/Usage: auth-flow-debugger diagnose \[TEXT\|-\]/);
  });

  it("runs through the real launcher", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["bin/auth-flow-debugger.mjs", "diagnose", "-", "--json"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout }));
      child.stdin.end("Error: Rate exceeded for invokeModel");
    });
    expect(result.code).toBe(0);
    expect(json(result).matches[0]?.id).toBe("throttling");
  });
});
