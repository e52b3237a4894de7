/**
 * What a query's scan costs. Athena's pricing page (https://aws.amazon.com/athena/pricing/):
 * SQL queries are charged "$5.00 per TB of data scanned", "rounded up to the nearest megabyte,
 * with a 10 MB minimum per query" — the US East (N. Virginia) price; other Regions differ, so the
 * figure is labelled as an estimate at that price.
 * unconfirmed: whether the page's TB and MB are binary (2^40, 2^20) or decimal; binary is used,
 * which gives the (slightly) higher figure.
 */

export const USD_PER_TB = 5;
const MB = 2 ** 20;
const TB = 2 ** 40;
const MINIMUM_BYTES = 10 * MB;

export function billedBytes(scannedBytes: number): number {
  return Math.max(MINIMUM_BYTES, Math.ceil(scannedBytes / MB) * MB);
}

export function estimatedCostUsd(scannedBytes: number): number {
  return (billedBytes(scannedBytes) / TB) * USD_PER_TB;
}

/** `1.2 MB scanned (billed as 10 MB, ≈ $0.000048 at $5/TB)`. */
export function describeScan(scannedBytes: number): string {
  const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 2 ** 30).toFixed(2)} GB` : bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`);
  const cost = estimatedCostUsd(scannedBytes);
  return `${size(scannedBytes)} scanned (${scannedBytes} bytes; billed as ${size(billedBytes(scannedBytes))}, ≈ $${cost < 0.01 ? cost.toPrecision(2) : cost.toFixed(2)} at $${USD_PER_TB}/TB)`;
}
