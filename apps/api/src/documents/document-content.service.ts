import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { DOCX_MAX_INFLATED_BYTES, DocxRefused, docxText, docxTextOrNull } from '@lawgate/search';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF = 'application/pdf';

/** What the bytes of an upload are, by their first bytes and structure, not by what the client declared. */
export type Sniffed = 'pdf' | 'docx' | 'zip' | 'executable' | 'text' | 'binary';

const startsWith = (body: Buffer, magic: string | number[]) =>
  body.subarray(0, typeof magic === 'string' ? magic.length : magic.length).equals(Buffer.from(magic as string));

export function sniff(body: Buffer): Sniffed {
  if (startsWith(body, '%PDF-')) return 'pdf';
  if (startsWith(body, [0x50, 0x4b, 0x03, 0x04])) {
    // A .docx is a ZIP whose entries include word/document.xml (named in the local file headers, uncompressed).
    return body.includes('word/document.xml') && body.includes('[Content_Types].xml') ? 'docx' : 'zip';
  }
  if (
    startsWith(body, 'MZ') || // Windows PE
    startsWith(body, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(body, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O
    startsWith(body, '#!') // script
  ) {
    return 'executable';
  }
  if (body.includes(0)) return 'binary';
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(body);
  return decoded.includes('\uFFFD') ? 'binary' : 'text';
}

/**
 * Checks uploads against their bytes and reads the text of a version for the diff and the preview: `.docx` through
 * mammoth (its raw text, paragraph by paragraph), plain text and Markdown as UTF-8. PDFs are previewed by the browser
 * from the download (inline, with `nosniff`). A `.docx` is read only once its parts are known to inflate within
 * `DOCX_MAX_INFLATED_BYTES` (a ZIP bomb within the upload limit is refused, not inflated).
 */
@Injectable()
export class DocumentContentService {
  /** Refuses bytes that are not what the declared type says (an executable sent as `.docx`, a ZIP sent as a PDF). */
  async check(mediaType: string, body: Buffer): Promise<void> {
    const kind = sniff(body);
    const refuse = (what: string) => {
      throw new DomainError(ErrorCode.ValidationFailed, `The file was sent as ${what}, but its content is not one.`, {
        declared: mediaType,
        detected: kind,
      });
    };
    if (mediaType === PDF) {
      if (kind !== 'pdf' || !body.subarray(-1024).includes('%%EOF')) refuse('a PDF');
      return;
    }
    if (mediaType === DOCX) {
      if (kind !== 'docx') refuse('a Word document (.docx)');
      try {
        await docxText(body);
      } catch (err) {
        if (err instanceof DocxRefused && err.inflatedOver !== undefined) {
          throw new DomainError(
            ErrorCode.ValidationFailed,
            `The Word document's parts expand to more than ${DOCX_MAX_INFLATED_BYTES / 1024 / 1024} MiB; ` +
              'a document that large is not accepted (split it, or send it as a PDF).',
            { declared: mediaType, maxInflatedBytes: DOCX_MAX_INFLATED_BYTES },
          );
        }
        refuse('a Word document (.docx)');
      }
      return;
    }
    if (kind !== 'text') refuse('text');
  }

  /** The text of a version for a diff or a preview; null when it has none to show (a PDF, a .docx over the bound). */
  async textOf(mediaType: string, body: Buffer): Promise<string | null> {
    if (mediaType === DOCX) return docxTextOrNull(body);
    if (mediaType === PDF) return null;
    return body.toString('utf8');
  }
}
