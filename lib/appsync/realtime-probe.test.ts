import { describe, expect, it } from "vitest";
import { describeClose } from "./realtime-probe";

const URL = "ws://127.0.0.1:4577/appsync/demoapi/graphql/realtime";

describe("describeClose", () => {
  it("names the endpoint and says when the connection never opened", () => {
    expect(describeClose(URL, "none", { code: 1006, reason: "" })).toBe(
      "No WebSocket connection to 127.0.0.1:4577: it failed before opening (code 1006: refused, DNS, TLS, or offline; a browser does not say which).",
    );
  });

  it("1006 after opening: closed abnormally, no close frame", () => {
    expect(describeClose(URL, "start_ack", { code: 1006, reason: "" })).toBe(
      "The connection to 127.0.0.1:4577 closed abnormally (1006) — no close frame — after reaching start_ack.",
    );
  });

  it("a server close: its code and reason, and how far the handshake got", () => {
    expect(describeClose(URL, "connection_ack", { code: 1011, reason: "boom" })).toBe("127.0.0.1:4577 closed the connection (1011 boom) after reaching connection_ack.");
  });
});
