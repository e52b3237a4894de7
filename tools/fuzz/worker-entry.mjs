// A worker thread does not inherit the TypeScript loader its parent runs under (tsx, or vitest's
// own), and on Node 20 `--import tsx` in a worker's execArgv comes too late for its entry file.
// So the worker starts from this plain module, registers tsx, then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
