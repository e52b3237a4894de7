import fc from "fast-check";
import { base64url } from "jose";
import { describe, expect, it } from "vitest";
import { decodeToken } from "./decode";
import { TokenDecodeError } from "./errors";

/** Whatever is pasted, decodeToken answers with a token or a TokenDecodeError with a message. */
function decodesOrExplains(text: string): void {
  try {
    const decoded = decodeToken(text);
    expect(typeof decoded.header).toBe("object");
    expect(typeof decoded.claims).toBe("object");
  } catch (error) {
    expect(error).toBeInstanceOf(TokenDecodeError);
    expect((error as TokenDecodeError).message.length).toBeGreaterThan(0);
    expect((error as TokenDecodeError).code).toMatch(/^(invalid|too-large):token(:|$)/);
  }
}

/** Any UTF-16 code unit, lone surrogates included (cheaper to build than fast-check's "binary"). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const segment = fc.oneof(
  fc.string(),
  fc.base64String().map((s) => s.replace(/=+$/, "")),
  fc.json().map((j) => base64url.encode(j)),
  fc.object().map((o) => base64url.encode(JSON.stringify(o))),
  fc.constantFrom("", "eyJhbGciOiJub25lIn0", "e30", "bnVsbA", "W10"),
);

describe("decodeToken on arbitrary input", () => {
  it("never throws anything but TokenDecodeError on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 300 }), decodesOrExplains), { numRuns: 300 });
  });

  it("never throws anything but TokenDecodeError on arbitrary 3-segment strings", () => {
    fc.assert(
      fc.property(segment, segment, segment, (a, b, c) => decodesOrExplains(`${a}.${b}.${c}`)),
      { numRuns: 300 },
    );
  });

  it("decodes every well-formed token it is given", () => {
    const claims = fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue());
    fc.assert(
      fc.property(claims, fc.uint8Array({ minLength: 1, maxLength: 64 }), (payload, sig) => {
        const token = [
          base64url.encode(JSON.stringify({ alg: "RS256", kid: "k" })),
          base64url.encode(JSON.stringify(payload)),
          base64url.encode(sig),
        ].join(".");
        expect(decodeToken(token).claims).toEqual(JSON.parse(JSON.stringify(payload)));
      }),
      { numRuns: 200 },
    );
  });
});
