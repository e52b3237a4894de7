/**
 * IpAddress / NotIpAddress: is an address inside a CIDR block (IPv4 or IPv6)? A bare address in the
 * policy means a single host (/32 or /128).
 */
export function ipInCidr(address: string, cidr: string): boolean {
  const [network, bitsText] = cidr.split("/");
  const a = toBigInt(address.trim());
  const n = toBigInt((network ?? "").trim());
  if (!a || !n || a.width !== n.width) return false;
  const bits = bitsText === undefined ? n.width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > n.width) return false;
  const shift = BigInt(n.width - bits);
  return a.value >> shift === n.value >> shift;
}

function toBigInt(text: string): { value: bigint; width: number } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const octets = text.split(".").map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    return { value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), width: 32 };
  }
  if (!text.includes(":")) return undefined;
  const [head, tail, extra] = text.split("::");
  if (extra !== undefined) return undefined;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n), width: 128 };
}
