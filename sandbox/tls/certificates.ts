// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import { AsnConvert } from "@peculiar/asn1-schema";
import { GeneralName, GeneralSubtree, GeneralSubtrees, NameConstraints, id_ce_nameConstraints } from "@peculiar/asn1-x509";
import * as x509 from "@peculiar/x509";
import { X509Certificate, createPrivateKey, randomBytes, webcrypto } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The sandbox's own certificate authority, made on first start and kept in a directory: clients
 * that insist on https/wss (aws-amplify's realtime client, aws-jwt-verify, bedrock-agentcore)
 * trust `ca.pem` and then talk to the TLS listener unchanged. Everything here is local and made
 * up; it vouches for nothing but this machine's loopback.
 *
 * The CA is name-constrained to the names below, so even if someone added it to their system's
 * trust store and its key leaked, it could not vouch for any other site (RFC 5280 §4.2.1.10).
 * The server certificate is re-issued from the same CA when it is missing, expiring or names
 * other hosts; the CA itself is only replaced when it cannot be read.
 */

const DAY = 86_400_000;
/** What clients connect to: the listener binds 127.0.0.1, and `localhost` resolves to it. */
const TLS_DNS_NAMES = ["localhost"] as const;
const TLS_IP_ADDRESSES = ["127.0.0.1"] as const;
const CA_DAYS = 3650;
/** As short as a public certificate may be (398 days), so no platform refuses it for its lifetime. */
const SERVER_DAYS = 397;
/** Replace what expires within this long, so a running sandbox never serves an expired certificate. */
const RENEW_BEFORE = 30 * DAY;
const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

export const TLS_FILES = { ca: "ca.pem", caKey: "ca-key.pem", cert: "localhost.pem", key: "localhost-key.pem" } as const;

export interface TlsMaterial {
  /** The directory the files live in. */
  readonly dir: string;
  /** Absolute path of the CA certificate clients should trust. */
  readonly caPath: string;
  readonly caPem: string;
  /** The server's certificate and private key, PEM, for `https.createServer`. */
  readonly cert: string;
  readonly key: string;
  /** Which files this call wrote (tests and the start-up line). */
  readonly made: { readonly ca: boolean; readonly server: boolean };
}

interface TlsOptions {
  now?: () => number;
  warn?: (message: string) => void;
}

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Written atomically; keys are readable by the owner only. */
function writeFile(file: string, text: string, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

/** A positive serial of 16 random bytes, as CAs are asked to use (unpredictable, ≥ 64 bits). */
const serialNumber = () => {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString("hex");
};

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

function nameConstraints(): x509.Extension {
  const permitted = [
    ...TLS_DNS_NAMES.map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
    ...TLS_IP_ADDRESSES.map((ip) => new GeneralSubtree({ base: new GeneralName({ iPAddress: `${ip}/32` }) })),
  ];
  const value = AsnConvert.serialize(new NameConstraints({ permittedSubtrees: new GeneralSubtrees(permitted) }));
  return new x509.Extension(id_ce_nameConstraints, true, value);
}

async function makeCa(now: number): Promise<{ pem: string; keyPem: string }> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: "CN=Auth Flow Debugger sandbox local CA (made up; this machine only), O=Auth Flow Debugger sandbox",
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_DAYS * DAY),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      nameConstraints(),
    ],
  });
  return { pem: cert.toString("pem"), keyPem: await privateKeyPem(keys.privateKey) };
}

async function makeServerCert(ca: { pem: string; keyPem: string }, now: number): Promise<{ pem: string; keyPem: string }> {
  const keys = await newKeys();
  const caCert = new x509.X509Certificate(ca.pem);
  const caDer = createPrivateKey(ca.keyPem).export({ format: "der", type: "pkcs8" });
  const signingKey = await webcrypto.subtle.importKey("pkcs8", caDer, ALGORITHM, false, ["sign"]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: "CN=localhost, O=Auth Flow Debugger sandbox",
    issuer: caCert.subject,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + SERVER_DAYS * DAY),
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...TLS_DNS_NAMES.map((value) => ({ type: "dns" as const, value })),
        ...TLS_IP_ADDRESSES.map((value) => ({ type: "ip" as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { pem: cert.toString("pem"), keyPem: await privateKeyPem(keys.privateKey) };
}

const fresh = (cert: X509Certificate, now: number) => Date.parse(cert.validTo) - now > RENEW_BEFORE && Date.parse(cert.validFrom) <= now;

/** The stored CA, if it parses, is a CA, matches its key and is not about to expire. */
function usableCa(pem: string | undefined, keyPem: string | undefined, now: number): X509Certificate | undefined {
  if (!pem || !keyPem) return undefined;
  try {
    const cert = new X509Certificate(pem);
    return cert.ca && cert.checkPrivateKey(createPrivateKey(keyPem)) && fresh(cert, now) ? cert : undefined;
  } catch {
    return undefined;
  }
}

/** The stored server certificate, if this CA signed it for every name clients use. */
function usableServer(pem: string | undefined, keyPem: string | undefined, ca: X509Certificate, now: number): boolean {
  if (!pem || !keyPem) return false;
  try {
    const cert = new X509Certificate(pem);
    return (
      cert.checkIssued(ca) &&
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(createPrivateKey(keyPem)) &&
      fresh(cert, now) &&
      TLS_DNS_NAMES.every((name) => cert.checkHost(name) === name) &&
      TLS_IP_ADDRESSES.every((ip) => cert.checkIP(ip) === ip)
    );
  } catch {
    return false;
  }
}

/** Reads the CA and server certificate from `dir`, making (and keeping) whatever is missing or unusable. */
export async function loadOrCreateTlsMaterial(dir: string, options: TlsOptions = {}): Promise<TlsMaterial> {
  const now = (options.now ?? Date.now)();
  const warn = options.warn ?? ((message: string) => console.warn(message));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = (name: keyof typeof TLS_FILES) => join(dir, TLS_FILES[name]);

  let ca = { pem: readText(path("ca")), keyPem: readText(path("caKey")) };
  let caCert = usableCa(ca.pem, ca.keyPem, now);
  let madeCa = false;
  if (!caCert) {
    if (ca.pem || ca.keyPem) warn(`sandbox: ${path("ca")} or its key is unreadable or expiring; making a new local CA (trust the new ca.pem)`);
    const made = await makeCa(now);
    writeFile(path("caKey"), made.keyPem, 0o600);
    writeFile(path("ca"), made.pem, 0o644);
    ca = made;
    caCert = new X509Certificate(made.pem);
    madeCa = true;
  }

  let server = { pem: readText(path("cert")), keyPem: readText(path("key")) };
  let madeServer = false;
  if (madeCa || !usableServer(server.pem, server.keyPem, caCert, now)) {
    const made = await makeServerCert({ pem: ca.pem!, keyPem: ca.keyPem! }, now);
    writeFile(path("key"), made.keyPem, 0o600);
    writeFile(path("cert"), made.pem, 0o644);
    server = made;
    madeServer = true;
  }
  return { dir, caPath: path("ca"), caPem: ca.pem!, cert: server.pem!, key: server.keyPem!, made: { ca: madeCa, server: madeServer } };
}
