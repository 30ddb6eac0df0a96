import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import mammoth from 'mammoth';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let jieba: Jieba | null = null;

/**
 * Chinese text as words separated by spaces, for PostgreSQL's `simple` text search configuration: jieba's search
 * segmentation (@node-rs/jieba, its packaged dictionary) yields both the words and their longer compounds, so that a
 * query for 保证金 finds 缴纳保证金. Latin words and numbers are kept, lower-cased; punctuation is dropped.
 */
export function segment(text: string): string {
  jieba ??= Jieba.withDict(dict);
  return jieba
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .join(' ');
}

/** The text of a document's bytes: a .docx through mammoth, text as UTF-8; null for a PDF or anything else. */
export async function documentText(mediaType: string, body: Buffer): Promise<string | null> {
  if (mediaType === DOCX) return (await mammoth.extractRawText({ buffer: body })).value;
  if (mediaType.startsWith('text/')) return body.toString('utf8');
  return null;
}
