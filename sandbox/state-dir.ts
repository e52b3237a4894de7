import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";

/**
 * Where a sandbox started with `--state-dir` keeps what must outlive the process for a client
 * to carry on after a restart, as it would after a blip at AWS: the user pools' signing keys,
 * refresh tokens and the temporary credentials it issued. One JSON file per kind, replaced
 * atomically on every change (a killed sandbox leaves the last complete file), readable by the
 * owner only. These are the sandbox's own made-up secrets; they open nothing outside it.
 * Without a state directory everything stays in memory and is new at every start.
 */
export interface StateDir {
  readonly path: string;
  /** The stored value, or undefined when there is none or it does not fit the schema (it is then replaced on the next write). */
  read<T>(name: string, schema: z.ZodType<T>): T | undefined;
  write(name: string, value: unknown): void;
}

export function openStateDir(path: string, warn: (message: string) => void = (message) => console.warn(message)): StateDir {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return {
    path,
    read(name, schema) {
      const file = join(path, `${name}.json`);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return undefined;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        warn(`sandbox: ${file} is not JSON; starting without it`);
        return undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        warn(`sandbox: ${file} does not hold what this sandbox writes (${parsed.error.issues[0]?.message ?? "invalid"}); starting without it`);
        return undefined;
      }
      return parsed.data;
    },
    write(name, value) {
      const file = join(path, `${name}.json`);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
  };
}
