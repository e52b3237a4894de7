import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { X509Certificate, createPrivateKey, webcrypto } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadOrCreateTlsMaterial, TLS_FILES, type TlsMaterial } from "./certificates";

/** The local CA: made once, kept, trusted by Node for the sandbox's names and no others. */

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-tls-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An https GET to 127.0.0.1 as `host`, trusting `ca` (else Node's roots): the body, or the TLS error code. */
async function handshake(material: Pick<TlsMaterial, "cert" | "key">, ca: string | undefined, host: string): Promise<string> {
  const server = createServer({ key: material.key, cert: material.cert }, (_req, res) => res.end("hello"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: "/", servername: host, headers: { host }, ...(ca ? { ca } : {}) }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(body));
      });
      req.on("error", (error: NodeJS.ErrnoException) => resolve(`${error.code} ${error.message}`));
      req.end();
    });
  } finally {
    server.close();
  }
}

/** A leaf for `name` signed with the stored CA key, as anyone holding ca-key.pem could make. */
async function signedByCa(material: TlsMaterial, name: string): Promise<{ cert: string; key: string }> {
  const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
  const keys = (await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"])) as CryptoKeyPair;
  const caDer = createPrivateKey(readFileSync(join(material.dir, TLS_FILES.caKey))).export({ format: "der", type: "pkcs8" });
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: "0102",
    subject: `CN=${name}`,
    issuer: new x509.X509Certificate(material.caPem).subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    publicKey: keys.publicKey,
    signingKey: await webcrypto.subtle.importKey("pkcs8", caDer, alg, false, ["sign"]),
    signingAlgorithm: alg,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: "dns", value: name }])],
  });
  return { cert: cert.toString("pem"), key: x509.PemConverter.encode(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey), "PRIVATE KEY") };
}

describe("the sandbox's local CA", () => {
  it("is made on first start, with private keys readable by the owner only", async () => {
    const dir = tempDir();
    const material = await loadOrCreateTlsMaterial(dir);
    expect(material.made).toEqual({ ca: true, server: true });
    expect(material.caPath).toBe(join(dir, "ca.pem"));
    expect(statSync(join(dir, TLS_FILES.caKey)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, TLS_FILES.key)).mode & 0o777).toBe(0o600);
    const ca = new X509Certificate(readFileSync(material.caPath));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toMatch(/sandbox local CA \(made up/);
  });

  it("is kept across restarts: the same CA and server certificate come back", async () => {
    const dir = tempDir();
    const first = await loadOrCreateTlsMaterial(dir);
    const again = await loadOrCreateTlsMaterial(dir);
    expect(again.made).toEqual({ ca: false, server: false });
    expect(again.caPem).toBe(first.caPem);
    expect(again.cert).toBe(first.cert);
  });

  it("signs a server certificate Node accepts for localhost and 127.0.0.1", async () => {
    const material = await loadOrCreateTlsMaterial(tempDir());
    const cert = new X509Certificate(material.cert);
    expect(cert.checkIssued(new X509Certificate(material.caPem))).toBe(true);
    expect(cert.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(await handshake(material, material.caPem, "localhost")).toBe("hello");
    // Without the CA, Node refuses the certificate, as every client does until told to trust it.
    expect(await handshake(material, undefined, "localhost")).toMatch(/UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it("cannot vouch for any other site, even with its own key (name constraints)", async () => {
    const material = await loadOrCreateTlsMaterial(tempDir());
    // The same certificate for a permitted name passes, so the refusal is the constraint's.
    expect(await handshake(await signedByCa(material, "localhost"), material.caPem, "localhost")).toBe("hello");
    expect(await handshake(await signedByCa(material, "bank.example"), material.caPem, "bank.example")).toMatch(/permitted subtree violation/);
  });

  it("re-issues an expiring server certificate from the same CA", async () => {
    const dir = tempDir();
    const first = await loadOrCreateTlsMaterial(dir);
    const later = await loadOrCreateTlsMaterial(dir, { now: () => Date.now() + 380 * 86_400_000 });
    expect(later.made).toEqual({ ca: false, server: true });
    expect(later.caPem).toBe(first.caPem);
    expect(Date.parse(new X509Certificate(later.cert).validTo)).toBeGreaterThan(Date.parse(new X509Certificate(first.cert).validTo));
  });

  it("replaces a CA it cannot read, and says so", async () => {
    const dir = tempDir();
    await loadOrCreateTlsMaterial(dir);
    writeFileSync(join(dir, TLS_FILES.caKey), "not a key");
    const warn = vi.fn();
    const material = await loadOrCreateTlsMaterial(dir, { warn });
    expect(material.made).toEqual({ ca: true, server: true });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("making a new local CA (trust the new ca.pem)"));
  });
});
