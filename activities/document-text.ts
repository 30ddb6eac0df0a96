import type { DataSource } from 'typeorm';
import { documentText, searchWords } from '@lawgate/search';
import type { DocumentRepository } from '@lawgate/persistence';

/**
 * Makes a registered document findable by the words of its text: extracts the text of its bytes (a .docx through
 * mammoth), segments it (jieba, a slice at a time) and stores it with the `tsvector` of its distinct words (without
 * positions; at most `SEARCH_WORDS_BUDGET` of them, so PostgreSQL's 1 MB limit is never reached). Idempotent: the
 * text of the same bytes is indexed once, so a retried registration does nothing here, and one that failed after its
 * number was taken indexes on its retry. A PDF has no text to index (its title still is).
 */
export async function indexDocumentText(
  dataSource: DataSource,
  documents: DocumentRepository,
  sha256: string,
  /** The text's media type when the caller has looked it up already (null: no version has these bytes). */
  known?: string | null,
): Promise<void> {
  const indexed = await dataSource.query<unknown[]>('SELECT 1 FROM document_text WHERE sha256 = $1', [sha256]);
  if (indexed.length > 0) return;
  const mediaType =
    known !== undefined
      ? known
      : ((
          await dataSource.query<{ media_type: string }[]>(
            'SELECT media_type FROM document_version WHERE sha256 = $1 LIMIT 1',
            [sha256],
          )
        )[0]?.media_type ?? null);
  const content = mediaType ? await documents.content(sha256) : null;
  if (!mediaType || !content) return;
  const text = await documentText(mediaType, content);
  if (text === null) return;
  await dataSource.query(
    `INSERT INTO document_text (sha256, body, words) VALUES ($1, $2, strip(to_tsvector('simple', $3)))
     ON CONFLICT (sha256) DO NOTHING`,
    [sha256, text, searchWords(text).words],
  );
}
