import { config } from "zod/v4/core";

// zod probes for eval support with `new Function("")` on first use; the CSP forbids eval, so the
// probe would log a violation on every page. Without JIT zod parses the same inputs the same way.
// Only the config setter is imported: this file runs on every page, and zod itself belongs only to
// the pages that validate something.
config({ jitless: true });
