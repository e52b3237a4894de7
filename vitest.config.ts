import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts", "amplify/**/*.test.ts", "conformance/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
