import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { makeDocx } from '../../../test/support/docx';
import { documentText } from './chinese-text';
import { DOCX_MAX_INFLATED_BYTES, DocxRefused, docxText, inflatedSize } from './docx';

/**
 * 82 KB on disk, made with JSZip (deflate level 9): a .docx whose word/document.xml is a paragraph of 80 MiB of
 * spaces, a ZIP bomb within the upload limit.
 */
const bomb = () => readFileSync(join(__dirname, '../../../test/fixtures/documents/word-bomb.docx'));

describe('a .docx and the bound on its inflated parts', () => {
  it('should count what every part inflates to, and read a document within the bound', async () => {
    const doc = await makeDocx(['第一条 为了规范农贸市场管理']);
    const zip = await JSZip.loadAsync(doc);
    const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('nodebuffer')));
    expect(await inflatedSize(doc)).toBe(parts.reduce((sum, part) => sum + part.length, 0));
    await expect(docxText(doc)).resolves.toContain('第一条 为了规范农贸市场管理');
  });

  it('should refuse a ZIP bomb within the upload limit at the bound, before mammoth inflates it', async () => {
    const body = bomb();
    expect(body.length).toBeLessThan(100 * 1024);
    await expect(inflatedSize(body)).rejects.toThrow(`inflate to more than ${DOCX_MAX_INFLATED_BYTES} bytes`);
    await expect(docxText(body)).rejects.toBeInstanceOf(DocxRefused);
    // Its true size, counted without the bound: over the bound, so the refusal above was not a false alarm.
    await expect(inflatedSize(body, Number.MAX_SAFE_INTEGER)).resolves.toBeGreaterThan(DOCX_MAX_INFLATED_BYTES);
  });

  it('should stop within a small bound too, counting inflated chunks rather than trusting declared sizes', async () => {
    const doc = await makeDocx(['x'.repeat(20_000)]);
    await expect(inflatedSize(doc, 10_000)).rejects.toThrow('inflate to more than 10000 bytes');
  });

  it('should leave the text of a refused .docx out of the search index rather than fail the indexing', async () => {
    await expect(
      documentText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', bomb()),
    ).resolves.toBeNull();
  });

  it('should refuse bytes that are no ZIP at all', async () => {
    await expect(inflatedSize(Buffer.from('PK\u0003\u0004 not really'))).rejects.toThrow('not a ZIP archive');
  });
});
