/**
 * The regions cookie: how the dashboard tells the proxy which regions the visitor's own environments
 * use, so the next page's CSP covers them (server/security/policy.ts). Client-safe: no Node imports.
 */
import { isRegion, unique } from "./regions";

/**
 * The visitor's own environments may be in regions the deployment did not list. The dashboard can
 * name those regions in this cookie (comma-separated, at most MAX_COOKIE_REGIONS); the next page
 * load's policy then covers them. Only strings that are region names are used, and a region only
 * ever adds the same AWS service hosts as a listed one, so a forged cookie cannot open the page
 * to anything but AWS endpoints of these services.
 */
export const REGIONS_COOKIE = "afd-regions";
export const MAX_COOKIE_REGIONS = 8;

export function regionsFromCookie(value: string | undefined): string[] {
  if (!value) return [];
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    return [];
  }
  return unique(text.split(",").map((r) => r.trim()).filter(isRegion)).slice(0, MAX_COOKIE_REGIONS);
}

/** The cookie value the dashboard should write for its environments' regions (client-safe). */
export function regionsCookieValue(regions: readonly string[]): string {
  return unique(regions.filter(isRegion)).slice(0, MAX_COOKIE_REGIONS).join(",");
}

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The `document.cookie` assignment that remembers these regions for the next page loads, or
 * forgets them when there are none. Lax and path-wide: the proxy reads it on every page request.
 */
export function regionsCookieAssignment(regions: readonly string[], secure: boolean): string {
  const value = regionsCookieValue(regions);
  const attributes = `Path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
  return value ? `${REGIONS_COOKIE}=${encodeURIComponent(value)}; Max-Age=${ONE_YEAR_SECONDS}; ${attributes}` : `${REGIONS_COOKIE}=; Max-Age=0; ${attributes}`;
}

/** The region an AWS regional host belongs to ("cognito-idp.il-central-1.amazonaws.com" → "il-central-1"). */
export function regionOfAwsHost(hostname: string): string | undefined {
  const match = /\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(hostname);
  return match?.[1] && isRegion(match[1]) ? match[1] : undefined;
}
