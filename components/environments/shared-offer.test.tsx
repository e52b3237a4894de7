// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { environmentSchema, type Environment } from "@/lib/config/environment";
import { shareLink } from "@/lib/share/share-link";
import { SharedOffer } from "./shared-offer";

const BASE: Partial<Environment> = {
  id: "customer-b",
  name: "Customer B",
  region: "us-east-1",
  userPoolId: "us-east-1_Shared1",
  userPoolClientId: "sharedclient00000000000001",
};

/** Opens the page as a share link of this environment would. */
function openLinkTo(fields: Record<string, unknown>, options = { includeApiKeys: false }) {
  const environment = environmentSchema.parse({ ...BASE, ...fields });
  const link = new URL(shareLink("http://localhost:3000", environment, options));
  history.replaceState(null, "", link.pathname + link.hash);
}

/** An environment already in the browser, configured differently from the links' (another pool). */
const other = (id: string, name: string) => environmentSchema.parse({ ...BASE, id, name, userPoolId: "us-east-1_Other01" });

function renderOffer(props: { existing?: Environment[] | undefined } = { existing: [] }) {
  const onAdd = vi.fn<(environment: Environment) => void>();
  const onUseExisting = vi.fn<(id: string) => void>();
  const onSignIn = vi.fn<() => void>();
  const view = render(<SharedOffer existing={props.existing} onAdd={onAdd} onUseExisting={onUseExisting} onSignIn={onSignIn} />);
  return { onAdd, onUseExisting, onSignIn, view, offer: screen.getByRole("region", { name: "Shared environment" }) };
}

afterEach(() => history.replaceState(null, "", "/"));

describe("SharedOffer: what a link carries", () => {
  it("names every endpoint override, the password sign-in flow, and warns that tokens and the password would leave AWS", () => {
    openLinkTo({
      signInFlow: "USER_PASSWORD_AUTH",
      endpoints: { cognitoIdp: "https://idp.attacker.example/", sts: "https://sts.us-east-1.amazonaws.com", cloudTrail: "https://trail.attacker.example" },
    });
    const { offer } = renderOffer();

    const endpoints = within(offer).getByRole("list", { name: "Endpoint overrides" });
    const rows = within(endpoints).getAllByRole("listitem").map((item) => item.textContent);
    expect(rows).toEqual([
      expect.stringMatching(/^Cognito user pools.*https:\/\/idp\.attacker\.example\/.*outside AWS/),
      expect.stringMatching(/^STS.*https:\/\/sts\.us-east-1\.amazonaws\.com$/),
      expect.stringMatching(/^CloudTrail.*https:\/\/trail\.attacker\.example.*outside AWS/),
    ]);
    expect(offer).toHaveTextContent(/Sign-inUSER_PASSWORD_AUTH: signing in sends your password itself to the user pool endpoint/);

    const warning = within(offer).getByRole("alert");
    expect(warning).toHaveTextContent(/idp\.attacker\.example/);
    expect(warning).toHaveTextContent(/trail\.attacker\.example/);
    expect(warning).toHaveTextContent(/your tokens/);
    expect(warning).toHaveTextContent(/your password/);
    expect(warning).not.toHaveTextContent(/sts\.us-east-1\.amazonaws\.com/);
  });

  it("says AWS's own endpoints are used, and warns about nothing, when the link overrides none", () => {
    openLinkTo({});
    const { offer } = renderOffer();
    expect(offer).toHaveTextContent(/none overridden: AWS's own endpoints for us-east-1/);
    expect(offer).toHaveTextContent(/USER_SRP_AUTH/);
    expect(within(offer).queryByRole("alert")).toBeNull();
  });

  it("warns about an amazonaws.com host that is not AWS's endpoint for a service, such as someone's API Gateway", () => {
    openLinkTo({ endpoints: { cognitoIdp: "https://abc123.execute-api.us-east-1.amazonaws.com/prod" } });
    const { offer } = renderOffer();
    const warning = within(offer).getByRole("alert");
    expect(warning).toHaveTextContent(/abc123\.execute-api\.us-east-1\.amazonaws\.com/);
    expect(warning).toHaveTextContent(/not AWS's endpoint/);
  });

  it("lists the AppSync APIs with whether each carries its API key, and the AgentCore runtime and gateway", () => {
    openLinkTo(
      {
        appSync: [
          { name: "orders", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql", region: "us-east-1", defaultAuthMode: "API_KEY", apiKey: "da2-shared" },
          { name: "custom", url: "https://api.custom.example/graphql", region: "us-east-1", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS" },
        ],
        agentCore: { runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-AbC123", gatewayUrl: "https://gw.custom.example/mcp" },
      },
      { includeApiKeys: true },
    );
    const { offer } = renderOffer();
    const apis = within(within(offer).getByRole("list", { name: "AppSync APIs" })).getAllByRole("listitem");
    expect(apis.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/orders.*appsync-api\.us-east-1\.amazonaws\.com\/graphql.*carries its API key/),
      expect.stringMatching(/custom.*api\.custom\.example\/graphql.*no API key/),
    ]);
    expect(offer).toHaveTextContent(/runtime\/agent-AbC123/);
    expect(offer).toHaveTextContent(/gw\.custom\.example\/mcp/);
    const warning = within(offer).getByRole("alert");
    expect(warning).toHaveTextContent(/api\.custom\.example/);
    expect(warning).toHaveTextContent(/gw\.custom\.example/);
    expect(warning).not.toHaveTextContent(/appsync-api\.us-east-1\.amazonaws\.com/);
  });
});

describe("SharedOffer: adding", () => {
  it("adds by keyboard, under a name no other environment has", async () => {
    openLinkTo({ id: "demo", name: "Demo" });
    const user = userEvent.setup();
    const { onAdd } = renderOffer({ existing: [other("demo", "Demo"), other("demo-copy", "Demo (shared)")] });
    await user.tab();
    // The welcome's Sign in comes first.
    await user.tab();
    expect(screen.getByRole("button", { name: "Add this environment" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onAdd).toHaveBeenCalledOnce();
    expect(onAdd.mock.calls[0]![0]).toMatchObject({ name: "Demo (shared 2)", id: "demo-2" });
    expect(screen.queryByRole("region", { name: "Shared environment" })).toBeNull();
    expect(window.location.hash).toBe("");
  });

  it("keeps the link's name when no environment has it", async () => {
    openLinkTo({});
    const user = userEvent.setup();
    const { onAdd } = renderOffer({ existing: [other("demo", "Demo")] });
    await user.click(screen.getByRole("button", { name: "Add this environment" }));
    expect(onAdd.mock.calls[0]![0]).toMatchObject({ name: "Customer B", id: "customer-b" });
  });
});

describe("SharedOffer: the welcome and repeated environments", () => {
  it("welcomes with what the tool is and the three steps, and signs in after adding", async () => {
    openLinkTo({});
    const user = userEvent.setup();
    const { onAdd, onSignIn } = renderOffer({ existing: [] });
    const welcome = screen.getByRole("region", { name: "Welcome to Auth Flow Debugger" });
    expect(within(welcome).getAllByRole("listitem")).toHaveLength(3);
    await user.click(within(welcome).getByRole("button", { name: "Sign in" }));
    expect(onAdd).toHaveBeenCalledOnce();
    expect(onSignIn).toHaveBeenCalledOnce();
    expect(within(welcome).getByRole("status")).toHaveTextContent("Added and selected Customer B");
  });

  it("selects the environment already here with the same configuration instead of adding a copy", async () => {
    openLinkTo({ id: "sandbox-demo", name: "Local sandbox: demo" });
    const user = userEvent.setup();
    const preset = environmentSchema.parse({ ...BASE, id: "sandbox-demo", name: "Local sandbox: demo", source: "sandbox", description: "the demo" });
    const { onAdd, onUseExisting } = renderOffer({ existing: [preset] });
    expect(screen.getByTestId("offer-repeats")).toHaveTextContent("already has this environment as Local sandbox: demo");
    await user.click(screen.getByRole("button", { name: "Add this environment" }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(onUseExisting).toHaveBeenCalledWith("sandbox-demo");
  });

  it("offers nothing to add until the environments already here are known", () => {
    openLinkTo({});
    renderOffer({ existing: undefined });
    expect(screen.queryByRole("button", { name: "Add this environment" })).toBeNull();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeDisabled();
  });
});
