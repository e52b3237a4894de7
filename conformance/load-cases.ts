import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { caseFileSchema, type ConformanceCase } from "./schema";

const CASES_DIR = fileURLToPath(new URL("./cases/", import.meta.url));

/** Every `cases/*.json`, validated; a bad file names itself and the field. Ids must be unique. */
export async function loadCases(dir = CASES_DIR): Promise<ConformanceCase[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const all: ConformanceCase[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), "utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${name}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = caseFileSchema.safeParse(json);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`${name}: invalid cases\n${lines.join("\n")}`);
    }
    all.push(...parsed.data);
  }
  const seen = new Set<string>();
  for (const c of all) {
    if (seen.has(c.id)) throw new Error(`case id ${c.id} is used twice`);
    seen.add(c.id);
  }
  return all;
}
