import type { Readable } from 'node:stream';
import JSZip from 'jszip';

/**
 * The most bytes the parts of a `.docx` may inflate to, all parts together (64 MiB). A `.docx` is a ZIP: the upload
 * limit bounds its compressed bytes only, and a few kilobytes of deflate can inflate to gigabytes (a ZIP bomb), which
 * mammoth would inflate whole and parse. The text of a Word document inflates some five to ten times and its pictures
 * hardly at all: an ordinary document is far under this bound, while one of several megabytes of compressed text may
 * pass it and is refused with this reason.
 */
export const DOCX_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** A `.docx` whose parts inflate to more than the bound (or that is no ZIP at all). */
export class DocxRefused extends Error {
  constructor(
    message: string,
    readonly inflatedOver?: number,
  ) {
    super(message);
    this.name = 'DocxRefused';
  }
}

/**
 * Inflates every part of the ZIP, counting the bytes as they come (JSZip inflates in chunks of some kilobytes), and
 * stops at the first chunk past `limit`: what the entries' headers declare is not trusted, as a bomb can lie there.
 * Returns the inflated size of all the parts.
 */
export async function inflatedSize(body: Buffer, limit = DOCX_MAX_INFLATED_BYTES): Promise<number> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(body, { checkCRC32: false });
  } catch (err) {
    throw new DocxRefused(`not a ZIP archive: ${err instanceof Error ? err.message : String(err)}`);
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as Readable;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          // Paused and dropped: JSZip stops inflating once the stream's buffer is full.
          stream.pause();
          stream.removeAllListeners('data');
          reject(new DocxRefused(`its parts inflate to more than ${limit} bytes`, limit));
        }
      });
      stream.once('end', () => resolve());
      stream.once('error', (err: Error) => reject(new DocxRefused(`a part cannot be read: ${err.message}`)));
    });
  }
  return total;
}

/**
 * The raw text of a `.docx` (mammoth, paragraph by paragraph), once its parts are known to inflate within `limit`;
 * `DocxRefused` otherwise.
 */
export async function docxText(body: Buffer, limit = DOCX_MAX_INFLATED_BYTES): Promise<string> {
  await inflatedSize(body, limit);
  // Loaded on first use (14 MB): a process that never reads a Word document does not carry it.
  const mammoth = await import('mammoth');
  return (await mammoth.extractRawText({ buffer: body })).value;
}

/** `docxText`, or null for a `.docx` it refuses (the text of such a document is not shown or indexed). */
export async function docxTextOrNull(body: Buffer): Promise<string | null> {
  try {
    return await docxText(body);
  } catch (err) {
    if (err instanceof DocxRefused) return null;
    throw err;
  }
}
