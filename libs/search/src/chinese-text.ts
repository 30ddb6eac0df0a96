import type { Jieba } from '@node-rs/jieba';
import type { dict } from '@node-rs/jieba/dict';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let jieba: Jieba | null = null;

/**
 * Chinese text as words separated by spaces, for PostgreSQL's `simple` text search configuration: jieba's search
 * segmentation (@node-rs/jieba, its packaged dictionary) yields both the words and their longer compounds, so that a
 * query for 保证金 finds 缴纳保证金. Latin words and numbers are kept, lower-cased; punctuation is dropped.
 */
export function segment(text: string): string {
  // Loaded on first use (17 MB of module and dictionary, 55 MB once built): a process that never segments (an API
  // replica that only serves steps, a worker that only waits) does not carry it; mammoth (14 MB) likewise.
  /* eslint-disable @typescript-eslint/no-require-imports -- a lazy load of a CommonJS module */
  jieba ??= (require('@node-rs/jieba') as { Jieba: typeof Jieba }).Jieba.withDict(
    (require('@node-rs/jieba/dict') as { dict: typeof dict }).dict,
  );
  /* eslint-enable @typescript-eslint/no-require-imports */
  return jieba
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .join(' ');
}

/** The text of a document's bytes: a .docx through mammoth, text as UTF-8; null for a PDF or anything else. */
export async function documentText(mediaType: string, body: Buffer): Promise<string | null> {
  if (mediaType === DOCX) {
    const mammoth = await import('mammoth');
    return (await mammoth.extractRawText({ buffer: body })).value;
  }
  if (mediaType.startsWith('text/')) return body.toString('utf8');
  return null;
}
