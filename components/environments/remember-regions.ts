import type { Environment } from "@/lib/config/environment";
import { presetNeeds } from "@/lib/security/connect-sources";
import { regionsCookieAssignment } from "@/lib/security/regions-cookie";

/**
 * The visitor's own environments may be in regions the deployment's CSP does not list; the proxy
 * adds the regions named in this cookie to the connect-src of the pages that follow.
 */
export function rememberEnvironmentRegions(environments: readonly Environment[]): void {
  document.cookie = regionsCookieAssignment(presetNeeds(environments).regions, window.location.protocol === "https:");
}
