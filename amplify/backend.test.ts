import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { CfnGraphQLApi } from "aws-cdk-lib/aws-appsync";
import { UserPool } from "aws-cdk-lib/aws-cognito";
import { FederatedPrincipal, Role } from "aws-cdk-lib/aws-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { importAmplifyOutputs } from "../lib/config/amplify-outputs";
import { AGENT_DIRECTORY, defineAgentCoreReference } from "./agentcore/resource";

/**
 * The reference backend, synthesized offline (no AWS account, no Docker): the CloudFormation
 * properties that the seed incidents were about, first from amplify/agentcore/resource.ts on a
 * plain CDK stack, then from amplify/backend.ts as `ampx sandbox` would synthesize it, and the
 * echo agent's container contract run with node.
 */

/** CloudFormation's own check on CustomJWTAuthorizer.DiscoveryUrl (seed 000). */
const DISCOVERY_URL_PATTERN = /^.+\/\.well-known\/openid-configuration$/;
const INVOKE_ACTIONS = [
  "bedrock-agentcore:InvokeAgentRuntime",
  "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
];

type Json = unknown;

/** Fn::Join / Ref / Fn::GetAtt as one string, tokens as ${LogicalId} or ${LogicalId.Attr}. */
function render(value: Json): string {
  if (typeof value === "string") return value;
  const v = value as Record<string, Json>;
  if (Array.isArray(v["Fn::Join"])) {
    const [separator, parts] = v["Fn::Join"] as [string, Json[]];
    return parts.map(render).join(separator);
  }
  if (typeof v.Ref === "string") return `\${${v.Ref}}`;
  if (Array.isArray(v["Fn::GetAtt"])) return `\${${(v["Fn::GetAtt"] as string[]).join(".")}}`;
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

function only<T>(resources: Record<string, T>): [string, T] {
  const entries = Object.entries(resources);
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

interface CfnResource {
  Properties: Record<string, any>;
}

/** The statements of the one policy attached to the browser users' roles. */
function browserPolicy(template: Template) {
  const [, policy] = only(
    template.findResources("AWS::IAM::Policy", {
      Properties: { PolicyName: Match.stringLikeRegexp("^BrowserUserGrants") },
    }) as Record<string, CfnResource>,
  );
  return policy.Properties;
}

function statement(properties: Record<string, any>, sid: string) {
  const found = (properties.PolicyDocument.Statement as Array<Record<string, any>>).find((s) => s.Sid === sid);
  expect(found, `statement ${sid}`).toBeDefined();
  return found!;
}

describe("amplify/agentcore/resource.ts on a plain CDK stack", () => {
  let outdir: string;
  let template: Template;
  let ids: { pool: string; client: string; role: string; api: string; runtime: string };

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), "agentcore-synth-"));
    const app = new App({ outdir });
    const stack = new Stack(app, "Reference");
    const userPool = new UserPool(stack, "Pool", { signInAliases: { email: true } });
    const userPoolClient = userPool.addClient("WebClient");
    const authenticatedRole = new Role(stack, "AuthenticatedRole", {
      assumedBy: new FederatedPrincipal("cognito-identity.amazonaws.com", {}, "sts:AssumeRoleWithWebIdentity"),
    });
    const api = new CfnGraphQLApi(stack, "Api", { name: "notes", authenticationType: "AWS_IAM" });
    const { runtime } = defineAgentCoreReference(stack, {
      userPool,
      userPoolClient,
      authenticatedRole,
      graphqlApiArn: api.attrArn,
    });
    ids = {
      pool: stack.getLogicalId(userPool.node.defaultChild as never),
      client: stack.getLogicalId(userPoolClient.node.defaultChild as never),
      role: stack.getLogicalId(authenticatedRole.node.defaultChild as never),
      api: stack.getLogicalId(api),
      runtime: stack.getLogicalId(runtime.node.findChild("Resource") as never),
    };
    template = Template.fromStack(stack);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("gives the runtime a CUSTOM_JWT authorizer on the pool's discovery document and the app client", () => {
    const [id, runtime] = only(template.findResources("AWS::BedrockAgentCore::Runtime") as Record<string, CfnResource>);
    expect(id).toBe(ids.runtime);
    const jwt = runtime.Properties.AuthorizerConfiguration.CustomJWTAuthorizer;
    const discoveryUrl = render(jwt.DiscoveryUrl);
    expect(discoveryUrl).toMatch(DISCOVERY_URL_PATTERN);
    expect(discoveryUrl).toBe(
      `https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${ids.pool}}/.well-known/openid-configuration`,
    );
    // client_id of the access token, not aud of the ID token (seed 000)
    expect(jwt.AllowedClients).toEqual([{ Ref: ids.client }]);
    expect(jwt).not.toHaveProperty("AllowedAudience");
    expect(runtime.Properties.ProtocolConfiguration).toBe("HTTP");
  });

  it("grants the authenticated role appsync:GraphQL on every field of the API (seed 001)", () => {
    const policy = browserPolicy(template);
    expect(policy.Roles).toEqual([{ Ref: ids.role }]);
    const appsync = statement(policy, "AppSyncGraphQL");
    expect(appsync.Effect).toBe("Allow");
    expect(appsync.Action).toBe("appsync:GraphQL");
    expect(render(appsync.Resource)).toBe(`\${${ids.api}.Arn}/*`);
  });

  it("grants both AgentCore invoke actions, WebSocket included, on the runtime and its endpoints", () => {
    const agentcore = statement(browserPolicy(template), "AgentCoreInvoke");
    expect(agentcore.Effect).toBe("Allow");
    expect(agentcore.Action).toEqual(INVOKE_ACTIONS);
    expect(agentcore.Resource.map(render)).toEqual([
      `\${${ids.runtime}.AgentRuntimeArn}`,
      `\${${ids.runtime}.AgentRuntimeArn}/*`,
    ]);
    // grantInvoke() would have added this one; browser users must not pick the user id
    expect(JSON.stringify(template.toJSON())).not.toContain("InvokeAgentRuntimeForUser");
  });

  it("builds the agent image from amplify/agent for linux/arm64", () => {
    const manifestFile = readFileSync(join(outdir, "Reference.assets.json"), "utf8");
    const images = Object.values(JSON.parse(manifestFile).dockerImages) as Array<{
      source: { directory: string; platform?: string };
    }>;
    expect(images).toHaveLength(1);
    expect(images[0]!.source.platform).toBe("linux/arm64");
    const staged = join(outdir, images[0]!.source.directory);
    expect(readFileSync(join(staged, "Dockerfile"), "utf8")).toBe(readFileSync(join(AGENT_DIRECTORY, "Dockerfile"), "utf8"));
  });
});

describe("amplify/backend.ts synthesized as ampx sandbox does", () => {
  let app: App;
  let root: Template;
  let auth: Template;
  let data: Template;
  let agentcore: Template;

  beforeAll(async () => {
    // The context ampx passes to `cdk synth`; without it defineBackend refuses to start.
    const saved = process.env.CDK_CONTEXT_JSON;
    process.env.CDK_CONTEXT_JSON = JSON.stringify({
      "amplify-backend-namespace": "authflowdebugger",
      "amplify-backend-name": "test",
      "amplify-backend-type": "sandbox",
    });
    try {
      const { backend, agentCore } = await import("./backend");
      app = backend.stack.node.root as App;
      root = Template.fromStack(backend.stack);
      auth = Template.fromStack(Stack.of(backend.auth.resources.userPool));
      data = Template.fromStack(Stack.of(backend.data.resources.cfnResources.cfnGraphqlApi));
      agentcore = Template.fromStack(Stack.of(agentCore.runtime));
    } finally {
      if (saved === undefined) delete process.env.CDK_CONTEXT_JSON;
      else process.env.CDK_CONTEXT_JSON = saved;
    }
  });
  afterAll(() => {
    if (app?.outdir) rmSync(app.outdir, { recursive: true, force: true });
  });

  /** The auth stack's output that a parameter of the agentcore stack carries, by construct name. */
  function parameterFor(template: Template, suffix: RegExp): { Ref: string } {
    const name = Object.keys(template.toJSON().Parameters ?? {}).find((p) => suffix.test(p));
    expect(name, `parameter matching ${suffix}`).toBeDefined();
    return { Ref: name! };
  }

  it("has a user pool with email sign-in, an identity pool and the support and admins groups", () => {
    auth.hasResourceProperties("AWS::Cognito::UserPool", { UsernameAttributes: ["email"] });
    auth.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    auth.resourceCountIs("AWS::Cognito::IdentityPool", 1);
    const groups = Object.values(auth.findResources("AWS::Cognito::UserPoolGroup") as Record<string, CfnResource>);
    expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual(["admins", "support"]);
  });

  it("has AppSync with user pools by default plus IAM and API key", () => {
    data.hasResourceProperties("AWS::AppSync::GraphQLApi", {
      AuthenticationType: "AMAZON_COGNITO_USER_POOLS",
      AdditionalAuthenticationProviders: [{ AuthenticationType: "API_KEY" }, { AuthenticationType: "AWS_IAM" }],
    });
    data.resourceCountIs("AWS::AppSync::ApiKey", 1);
  });

  it("points the runtime's authorizer at the Amplify user pool and its app client", () => {
    const [, runtime] = only(agentcore.findResources("AWS::BedrockAgentCore::Runtime") as Record<string, CfnResource>);
    const jwt = runtime.Properties.AuthorizerConfiguration.CustomJWTAuthorizer;
    const pool = parameterFor(agentcore, /amplifyAuthUserPool[0-9A-F]{8}Ref$/);
    expect(render(jwt.DiscoveryUrl)).toMatch(DISCOVERY_URL_PATTERN);
    expect(render(jwt.DiscoveryUrl)).toBe(
      `https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${pool.Ref}}/.well-known/openid-configuration`,
    );
    expect(jwt.AllowedClients).toEqual([parameterFor(agentcore, /amplifyAuthUserPoolAppClient[0-9A-F]{8}Ref$/)]);
    expect(jwt).not.toHaveProperty("AllowedAudience");
    // generated from the construct path, so unique per sandbox; AgentCore's name rule:
    expect(runtime.Properties.AgentRuntimeName).toMatch(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/);
  });

  it("attaches the grants to the authenticated role and both group roles", () => {
    const policy = browserPolicy(agentcore);
    expect(policy.Roles).toEqual(
      expect.arrayContaining([
        parameterFor(agentcore, /amplifyAuthauthenticatedUserRole[0-9A-F]{8}Ref$/),
        parameterFor(agentcore, /amplifyAuthsupportGroupRole[0-9A-F]{8}Ref$/),
        parameterFor(agentcore, /amplifyAuthadminsGroupRole[0-9A-F]{8}Ref$/),
      ]),
    );
    expect(policy.Roles).toHaveLength(3);
    const api = parameterFor(agentcore, /amplifyDataGraphQLAPI[0-9A-F]{8}Arn$/);
    expect(render(statement(policy, "AppSyncGraphQL").Resource)).toBe(`\${${api.Ref}}/*`);
    expect(statement(policy, "AgentCoreInvoke").Action).toEqual(INVOKE_ACTIONS);
  });

  it("writes custom.agentCore to amplify_outputs.json in the shape the dashboard imports", () => {
    const customOutputs = root.toJSON().Outputs.customOutputs.Value;
    // What ampx puts in the file once CloudFormation has resolved the runtime ARN:
    const runtimeArn = "arn:aws:bedrock-agentcore:ap-northeast-1:123456789012:runtime/amplifyauthflow_EchoAgent-AbCdEf1234";
    const rendered = render(customOutputs).replace(/\$\{agentcore[0-9A-F]{8}\.Outputs\.[A-Za-z0-9]+AgentRuntimeArn\}/, runtimeArn);
    const custom = JSON.parse(rendered);
    expect(custom.custom).toEqual({ agentCore: { runtimeArn, qualifier: "DEFAULT" } });

    const outputs = {
      version: "1.4",
      auth: {
        aws_region: "ap-northeast-1",
        user_pool_id: "ap-northeast-1_AbC123xyz",
        user_pool_client_id: "1example23456789example0abc",
        identity_pool_id: "ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        username_attributes: ["email"],
        groups: [{ support: { precedence: 0 } }, { admins: { precedence: 1 } }],
      },
      data: {
        aws_region: "ap-northeast-1",
        url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql",
        default_authorization_type: "AMAZON_COGNITO_USER_POOLS",
        authorization_types: ["API_KEY", "AWS_IAM"],
        api_key: "da2-abcdefghijklmnopqrstuvwxyz",
      },
      custom: custom.custom,
    };
    const environment = importAmplifyOutputs(JSON.stringify(outputs), { id: "reference" });
    expect(environment.agentCore).toEqual({ runtimeArn, qualifier: "DEFAULT" });
  });
});

describe("amplify/agent/server.mjs (the container's contract, run with node)", () => {
  let agent: ChildProcess;
  let base: string;

  beforeAll(async () => {
    agent = spawn(process.execPath, [fileURLToPath(new URL("./agent/server.mjs", import.meta.url))], {
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<string>((resolve, reject) => {
      agent.once("exit", (code) => reject(new Error(`agent exited with ${code}`)));
      agent.stdout!.on("data", (line: Buffer) => {
        const match = /listening on 0\.0\.0\.0:(\d+)/.exec(line.toString());
        if (match) resolve(match[1]!);
      });
    });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => {
    agent?.kill("SIGTERM");
  });

  it("answers GET /ping as healthy", async () => {
    const res = await fetch(`${base}/ping`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "Healthy" });
  });

  it("echoes POST /invocations as JSON or server-sent events", async () => {
    const headers = { "x-amzn-bedrock-agentcore-runtime-session-id": "s".repeat(33) };
    const json = await fetch(`${base}/invocations`, {
      method: "POST",
      headers: { ...headers, accept: "application/json" },
      body: JSON.stringify({ prompt: "hello agent" }),
    });
    expect(await json.json()).toEqual({ response: "Echo: hello agent", status: "success", sessionId: "s".repeat(33) });

    const sse = await fetch(`${base}/invocations`, { method: "POST", headers, body: JSON.stringify({ prompt: "hi there" }) });
    expect(sse.headers.get("content-type")).toBe("text/event-stream");
    expect(await sse.text()).toBe('data: "Echo: "\n\ndata: "hi "\n\ndata: "there"\n\n');
  });

  it("echoes on the /ws WebSocket in chunks, then the message", async () => {
    const ws = new WebSocket(`${base.replace("http", "ws")}/ws?X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=ws-session`);
    const frames: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.on("error", reject);
      ws.on("open", () => ws.send(JSON.stringify({ prompt: "a b" })));
      ws.on("message", (data) => {
        const frame = JSON.parse(data.toString()) as Record<string, unknown>;
        frames.push(frame);
        if ("echo" in frame) resolve();
      });
    });
    ws.close();
    expect(frames).toEqual([
      { chunk: "Echo: " },
      { chunk: "a " },
      { chunk: "b" },
      { echo: { prompt: "a b" }, sessionId: "ws-session" },
    ]);
  });
});
