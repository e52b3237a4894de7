import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileStream } from "./file-stream";

const dir = mkdtempSync(join(tmpdir(), "file-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for (const reader = stream.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

describe("fileStream", () => {
  it("gives the file's bytes, in chunks of the asked size", async () => {
    const bytes = Uint8Array.from({ length: 2500 }, (_, i) => i % 251);
    const path = join(dir, "bytes.bin");
    writeFileSync(path, bytes);
    const chunks = await readAll(fileStream(path, 1000));
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
  });

  it("can be cancelled midway, and fails (rather than hangs) on what is not a readable file", async () => {
    const path = join(dir, "cancel.bin");
    writeFileSync(path, new Uint8Array(10_000));
    const reader = fileStream(path, 100).getReader();
    await reader.read();
    await expect(reader.cancel()).resolves.toBeUndefined();
    await expect(readAll(fileStream(dir))).rejects.toThrow(/EISDIR/);
    await expect(readAll(fileStream(join(dir, "missing.json")))).rejects.toThrow(/ENOENT/);
  });
});
