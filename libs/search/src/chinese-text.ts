import type { Jieba } from '@node-rs/jieba';
import type { dict } from '@node-rs/jieba/dict';
import { docxTextOrNull } from './docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let jieba: Jieba | null = null;

/**
 * Chinese text as words separated by spaces, for PostgreSQL's `simple` text search configuration: jieba's search
 * segmentation (@node-rs/jieba, its packaged dictionary) yields both the words and their longer compounds, so that a
 * query for 保证金 finds 缴纳保证金. Latin words and numbers are kept, lower-cased; punctuation is dropped.
 */
export function segment(text: string): string {
  // Loaded on first use (17 MB of module and dictionary, 55 MB once built): a process that never segments (an API
  // replica that only serves steps, a worker that only waits) does not carry it.
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

/** Characters segmented at a time by `searchWords`: jieba's answer for a whole 10 MB document is an array of about
 * ten million strings (a gigabyte of heap); a slice's answer is small. */
const SLICE_CHARS = 64 * 1024;
/** Bytes of distinct words `searchWords` keeps: PostgreSQL refuses a tsvector over 1 MB (lexemes, their entries and
 * positions), so a text of many distinct words (an annex of numbers, names, places) once failed its indexing. */
export const SEARCH_WORDS_BUDGET = 512 * 1024;

/**
 * The distinct words of a document's text for its search index (`strip(to_tsvector('simple', …))`: a search asks
 * whether words occur, not where), segmented a slice at a time so that memory stays bounded whatever the text's
 * length. Slices end at a line break or punctuation where one is near, so that no word is cut. Words are kept in
 * the order they first occur until their bytes (each counted with its tsvector entry) reach `budget`; the result
 * says whether any were left out.
 */
export function searchWords(text: string, budget = SEARCH_WORDS_BUDGET): { words: string; complete: boolean } {
  const seen = new Set<string>();
  let bytes = 0;
  for (let from = 0; from < text.length;) {
    const to = sliceEnd(text, from);
    for (const word of segment(text.slice(from, to)).split(' ')) {
      if (word === '' || seen.has(word)) continue;
      const cost = Buffer.byteLength(word) + 8;
      if (bytes + cost > budget) return { words: [...seen].join(' '), complete: false };
      seen.add(word);
      bytes += cost;
    }
    from = to;
  }
  return { words: [...seen].join(' '), complete: true };
}

/** Where a slice that starts at `from` ends: after the last line break or punctuation in its last eighth, if any. */
function sliceEnd(text: string, from: number): number {
  const end = Math.min(text.length, from + SLICE_CHARS);
  if (end === text.length) return end;
  for (let i = end; i > end - SLICE_CHARS / 8; i -= 1) {
    if (/[\s。，；：！？、,.;:!?]/u.test(text[i - 1])) return i;
  }
  return end;
}

/**
 * The text of a document's bytes: a .docx through mammoth, text as UTF-8; null for a PDF or anything else, and for a
 * .docx whose parts inflate past `DOCX_MAX_INFLATED_BYTES` (the API refuses such an upload; one that reached the
 * store otherwise is findable by its title only, and its indexing does not exhaust the worker's memory).
 */
export async function documentText(mediaType: string, body: Buffer): Promise<string | null> {
  if (mediaType === DOCX) {
    return docxTextOrNull(body);
  }
  if (mediaType.startsWith('text/')) return body.toString('utf8');
  return null;
}
