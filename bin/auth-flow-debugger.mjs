#!/usr/bin/env node
// Tiny launcher: teach Node to load TypeScript (tsx), then run the CLI written in TypeScript.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
