// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { AppSyncApi } from "@/lib/config/environment";
import { AppSyncControls, INITIAL_APPSYNC, type AppSyncInputs } from "./appsync-controls";

// The schema's examples: a query to start from, as introspection gives them.
vi.mock("./load-examples", () => ({
  loadExamples: async () => ({ queries: [{ name: "listNotes", operation: { query: "query { listNotes { id } }" } }], subscription: undefined, trigger: undefined }),
}));

const API: AppSyncApi = { name: "notes", url: "https://abc.appsync-api.us-east-1.amazonaws.com/graphql", region: "us-east-1", defaultAuthMode: "AWS_LAMBDA", additionalAuthModes: ["AMAZON_COGNITO_USER_POOLS"] };

function Harness({ api, seen }: { api: AppSyncApi; seen: (value: AppSyncInputs) => void }) {
  const [value, setValue] = useState(INITIAL_APPSYNC);
  seen(value);
  return <AppSyncControls api={api} value={value} onChange={setValue} />;
}

describe("the Lambda authorizer token field", () => {
  it("is a password field for an API with AWS_LAMBDA, and the token survives the schema's examples arriving", async () => {
    const user = userEvent.setup();
    let latest = INITIAL_APPSYNC;
    render(<Harness api={API} seen={(v) => (latest = v)} />);
    const field = screen.getByLabelText("Lambda authorizer token");
    expect(field).toHaveAttribute("type", "password");
    expect(screen.getByText(/Kept in this tab's memory only/)).toBeInTheDocument();
    await user.type(field, "tenant-42");
    expect(await screen.findByDisplayValue("query { listNotes { id } }")).toBeInTheDocument();
    expect(latest.lambdaToken).toBe("tenant-42");
    expect(document.body).not.toHaveTextContent("tenant-42");
  });

  it("is not offered where no mode reads it", () => {
    render(<Harness api={{ ...API, defaultAuthMode: "API_KEY", additionalAuthModes: [] }} seen={() => undefined} />);
    expect(screen.queryByLabelText("Lambda authorizer token")).toBeNull();
  });
});
