import { open, type FileHandle } from "node:fs/promises";

/**
 * A file as a web ReadableStream that reads only when the reader wants more, as a browser's
 * File.stream() does. Readable.toWeb(createReadStream()) read ahead of a slower consumer on
 * Node 20: up to ~40 MB of a 100 MB CloudTrail file waited in its queue while the parser caught
 * up. Here at most one chunk waits. The file is opened on the first read and closed at its
 * end, on cancel and on a read error.
 */
export function fileStream(path: string, chunkBytes = 1 << 20): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  const close = async () => {
    const h = handle;
    handle = undefined;
    await h?.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          handle ??= await open(path, "r");
          const buffer = new Uint8Array(chunkBytes);
          const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
          if (bytesRead === 0) {
            await close();
            controller.close();
          } else controller.enqueue(bytesRead < chunkBytes ? buffer.subarray(0, bytesRead) : buffer);
        } catch (error) {
          await close().catch(() => undefined);
          throw error;
        }
      },
      cancel: close,
    },
    { highWaterMark: 1 },
  );
}
