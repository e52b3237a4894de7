import { describe, expect, it } from "vitest";
import { endpointHost, unreachableError, unreachableMessage } from "./unreachable";

describe("an endpoint that gave no answer", () => {
  it("is named by host and port, the default port written out", () => {
    expect(endpointHost("http://127.0.0.1:4780/graphql")).toBe("127.0.0.1:4780");
    expect(endpointHost("https://cognito-idp.ap-northeast-1.amazonaws.com/")).toBe("cognito-idp.ap-northeast-1.amazonaws.com:443");
    expect(endpointHost("ws://localhost/realtime")).toBe("localhost:80");
  });

  it("says what was tried, from where", () => {
    expect(unreachableMessage("AppSync", "http://127.0.0.1:4780/graphql", ["introspection from this browser: Failed to fetch.", "the relay: refused"])).toBe(
      "AppSync at 127.0.0.1:4780 could not be reached. Tried: introspection from this browser: Failed to fetch; the relay: refused.",
    );
  });

  it("is an AppError of the unreachable kind (502), its message shown as written", () => {
    const error = unreachableError("unreachable:cognito", "The Cognito user pool endpoint", "http://127.0.0.1:9/", ["sign-in"]);
    expect(error).toMatchObject({ name: "AppError", code: "unreachable:cognito", status: 502, shownToVisitor: true });
    expect(error.message).toBe("The Cognito user pool endpoint at 127.0.0.1:9 could not be reached. Tried: sign-in.");
  });
});
