/**
 * The regions cookie: how the dashboard tells the proxy which regions the visitor's own profiles
 * use, so the next page's CSP covers them (lib/security/policy.ts). Client-safe: no Node imports.
 */
import { isRegion, unique } from "./regions";

/**
 * The visitor's own profiles may be in regions the deployment did not list. The dashboard can
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

/** The cookie value the dashboard should write for its profiles' regions (client-safe). */
export function regionsCookieValue(regions: readonly string[]): string {
  return unique(regions.filter(isRegion)).slice(0, MAX_COOKIE_REGIONS).join(",");
}
