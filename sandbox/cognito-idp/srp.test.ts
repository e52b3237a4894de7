import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { padHex, passwordVerifier, serverEphemeral, verifyPasswordClaim } from "./srp";

/**
 * The server's SRP maths against aws-amplify's own client helpers, for the salts and numbers
 * where byte padding goes wrong first: a leading zero byte (the client's integer parse drops
 * it) and a set top bit (the client adds a 00 byte). The helpers are internal to
 * @aws-amplify/auth, so they are loaded by file path; the types below are just what we use.
 */

interface AmplifyBigInteger {
  toString(radix: number): string;
}
interface AuthenticationHelper {
  A: AmplifyBigInteger;
  getPasswordAuthenticationKey(input: {
    username: string;
    password: string;
    serverBValue: AmplifyBigInteger;
    salt: AmplifyBigInteger;
  }): Promise<Uint8Array>;
}
interface AmplifySrp {
  getAuthenticationHelper(poolName: string): Promise<AuthenticationHelper>;
  getSignatureString(input: {
    userPoolName: string;
    username: string;
    challengeParameters: Record<string, string>;
    dateNow: string;
    hkdf: Uint8Array;
  }): string;
  getNowString(): string;
}
type BigIntegerClass = new (value: string, radix: number) => AmplifyBigInteger;

let srp: AmplifySrp;
let BigInteger: BigIntegerClass;

beforeAll(async () => {
  const authRoot = join(dirname(createRequire(import.meta.url).resolve("@aws-amplify/auth")), "..", "esm");
  const srpDir = join(authRoot, "providers/cognito/utils/srp");
  srp = (await import(pathToFileURL(join(srpDir, "index.mjs")).href)) as AmplifySrp;
  BigInteger = ((await import(pathToFileURL(join(srpDir, "BigInteger/index.mjs")).href)) as { BigInteger: BigIntegerClass }).BigInteger;
});

const POOL = "DemoPool1";
const USER = "a472fb37-2692-48cd-a822-c1f5545d0b1b";

async function claim(saltHex: string, password: string, typed: string) {
  const v = passwordVerifier(saltHex, POOL, USER, password);
  const { b, B } = serverEphemeral(v);
  const helper = await srp.getAuthenticationHelper(POOL);
  const hkdf = await helper.getPasswordAuthenticationKey({
    username: USER,
    password: typed,
    serverBValue: new BigInteger(B.toString(16), 16),
    salt: new BigInteger(saltHex, 16),
  });
  const secretBlock = randomBytes(96);
  const timestamp = srp.getNowString();
  const signature = srp.getSignatureString({
    userPoolName: POOL,
    username: USER,
    challengeParameters: { SECRET_BLOCK: secretBlock.toString("base64") },
    dateNow: timestamp,
    hkdf,
  });
  const A = BigInt(`0x${helper.A.toString(16)}`);
  return verifyPasswordClaim({ A, B, b, v, poolName: POOL, userId: USER, secretBlock, timestamp, signature });
}

describe("SRP against aws-amplify's client maths", () => {
  it("pads like a Java BigInteger", () => {
    expect(padHex(0x7fn)).toBe("7f");
    expect(padHex(0x80n)).toBe("0080");
    expect(padHex(0xfffn)).toBe("0fff");
    expect(padHex(0x8abn)).toBe("08ab");
  });

  const salts = [
    ["leading zero byte", `00${randomBytes(15).toString("hex")}`],
    ["top bit set", `ff${randomBytes(15).toString("hex")}`],
    ["short salt", "0a"],
    ...Array.from({ length: 6 }, (_, i) => [`random #${i + 1}`, randomBytes(16).toString("hex")]),
  ] as const;

  for (const [label, salt] of salts) {
    it(`accepts the right password and refuses a wrong one (${label})`, async () => {
      await expect(claim(salt, "Demo-Passw0rd!", "Demo-Passw0rd!")).resolves.toBe(true);
      await expect(claim(salt, "Demo-Passw0rd!", "Demo-Passw0rd?")).resolves.toBe(false);
    });
  }
});
