import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signRequest } from "../../lib/sigv4/index";
import { verifySignature } from "./index";
import { NOW, received, store, TEMPORARY } from "./test-support";

describe("body integrity (property)", () => {
  it("any single-byte change to a signed body is refused", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (body, position, delta) => {
          const signed = await signRequest(
            { method: "POST", url: "https://example.appsync-api.us-east-1.amazonaws.com/graphql?a=1", body },
            { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW },
          );
          const options = { lookupCredentials: store(), now: NOW };
          expect((await verifySignature(received(signed), options)).ok).toBe(true);

          const changed = Uint8Array.from(body);
          const index = position % changed.length;
          changed[index] = (changed[index]! + delta) % 256;
          const result = await verifySignature({ ...received(signed), body: changed }, options);
          expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
        },
      ),
      { numRuns: 150 },
    );
  });
});
