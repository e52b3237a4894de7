// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { environmentSchema } from "@/lib/config/environment";
import { getM2mState, setM2mState } from "@/components/credentials/m2m-store";
import { M2mControls } from "./m2m-controls";

const fetchMock = vi.hoisted(() => vi.fn<typeof fetch>());
vi.mock("./base-fetch", () => ({ baseFetch: fetchMock }));

const environment = environmentSchema.parse({
  id: "m2m-test",
  name: "M2M test",
  region: "eu-west-1",
  userPoolId: "eu-west-1_Example1",
  userPoolClientId: "1example23456789abcdefghij",
  oauth: { domain: "my-app.auth.eu-west-1.amazoncognito.com" },
});

afterEach(() => {
  fetchMock.mockReset();
  setM2mState({ status: "none" });
  sessionStorage.clear();
});

async function ask(secret: string, scopes = "api/invoke") {
  const user = userEvent.setup();
  render(<M2mControls environment={environment} />);
  await user.click(screen.getByText("M2M token (client credentials)"));
  await user.type(screen.getByLabelText("M2M client id"), "m2mclient");
  await user.type(screen.getByLabelText("M2M client secret"), secret);
  await user.type(screen.getByLabelText("M2M scopes"), scopes);
  await user.click(screen.getByRole("button", { name: "Get M2M token" }));
}

describe("M2mControls", () => {
  it("posts client_secret_post to the pool domain's token endpoint and shows the scopes the token carries", async () => {
    // Decoded only (the page shows the scopes it carries); its signature is not checked here.
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const access = `${part({ kid: "k", alg: "RS256" })}.${part({ sub: "m2mclient", client_id: "m2mclient", token_use: "access", scope: "api/invoke", exp: 4102444800 })}.c2ln`;
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ access_token: access, expires_in: 3600, token_type: "Bearer" }), { status: 200 }));
    await ask("s3cret-value");
    expect(await screen.findByRole("status")).toHaveTextContent("scope api/invoke");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/token");
    // No Authorization header: a simple CORS request, no preflight.
    expect(init?.headers).toEqual({ "content-type": "application/x-www-form-urlencoded" });
    expect(new URLSearchParams(String(init?.body)).get("scope")).toBe("api/invoke");
    expect(getM2mState()).toMatchObject({ status: "ok", clientId: "m2mclient", scopes: ["api/invoke"] });
    // Memory only: neither the secret nor the token reaches the tab's storage.
    expect(JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })).not.toMatch(/s3cret-value|eyJ/);
  });

  it("shows Cognito's error code when the endpoint refuses", async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ error: "invalid_scope" }), { status: 400 }));
    await ask("s3cret-value", "api/admin");
    expect(await screen.findByRole("alert")).toHaveTextContent("HTTP 400 invalid_scope");
    expect(getM2mState()).toMatchObject({ status: "error", error: "invalid_scope" });
  });

  it("says where to name the domain when the environment has none", () => {
    render(<M2mControls environment={{ ...environment, oauth: undefined }} />);
    expect(screen.getByText(/names no user pool domain/)).toBeInTheDocument();
  });
});
