import { z } from "zod";

// zod probes for eval support with `new Function("")` on first use; the CSP forbids eval, so the
// probe would log a violation on every page. Without JIT zod parses the same inputs the same way.
z.config({ jitless: true });
