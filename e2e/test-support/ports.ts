/**
 * Where the e2e servers listen. Fixed defaults keep CI simple; E2E_APP_PORT / E2E_SANDBOX_PORT /
 * E2E_SPARE_SANDBOX_PORT let a second checkout on the same machine run its suite without
 * colliding with the first.
 */
function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got ${raw}`);
  return port;
}

export const APP_PORT = portFromEnv("E2E_APP_PORT", 3210);
export const SANDBOX_PORT = portFromEnv("E2E_SANDBOX_PORT", 4610);
/** A second sandbox a spec starts, kills and restarts itself; its origin is allowed by the app's CSP. */
export const SPARE_SANDBOX_PORT = portFromEnv("E2E_SPARE_SANDBOX_PORT", SANDBOX_PORT + 10);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
/** The sandbox playwright.config.ts starts beside the app for the whole run. */
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
export const SPARE_SANDBOX_URL = `http://127.0.0.1:${SPARE_SANDBOX_PORT}`;
