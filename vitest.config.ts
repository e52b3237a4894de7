import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Unit tests run server modules in plain Node; the marker's real check is the Next build's.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "sandbox/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts", "amplify/**/*.test.ts", "conformance/**/*.test.ts", "tools/**/*.test.ts", "e2e/**/*.test.ts", "components/**/*.test.ts", "components/**/*.test.tsx"],
    // Views' tests say `// @vitest-environment happy-dom` at their top; everything else runs in Node.
    environment: "node",
    testTimeout: 20_000,
    // Starting a sandbox generates RSA keys for every scenario's pools; on a busy shared machine
    // that can outlast vitest's 10 s default for beforeAll hooks.
    hookTimeout: 30_000,
  },
});
