import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDocx, makeExe, makePdf } from '../support/docx';
import { procedureSteps } from '../support/procedure-steps';
import { recordCounts } from '../support/records';
import { useStack } from '../support/stack';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Snapshot {
  documents?: Record<string, { version: number; sha256: string; versionId: string }>;
}

/** Documents as drafting units write them: Word and PDF recognised by their bytes, a .docx diffed and previewed. */
describe('documents: .docx and .pdf by their bytes, the diff of Word versions, safe downloads', () => {
  const stack = useStack('e2e-doc-content');
  let procedureId: string;
  beforeAll(async () => {
    procedureId = await procedureSteps(stack).approved('金坛区文档内容测试办法');
  });

  const upload = (body: Buffer, contentType: string, filename: string) =>
    stack.http.as<Snapshot & { code?: string; details?: { detected?: string } }>(
      'drafter.edu',
      'POST',
      `/api/procedures/${procedureId}/documents/DRAFT`,
      {
        rawBody: body as unknown as string,
        headers: { 'content-type': contentType, 'x-filename': encodeURIComponent(filename) },
      },
    );

  it('should refuse an executable declared as a .docx or a PDF, and store nothing', async () => {
    const before = await recordCounts(stack.db);
    const [{ n: blobsBefore }] = await stack.db.query<{ n: string }[]>('SELECT count(*) AS n FROM blob');
    const exe = await upload(makeExe(), DOCX, 'setup.docx');
    expect(exe.status).toBe(400);
    expect(exe.body.details?.detected).toBe('executable');
    expect((await upload(makeExe(), 'application/pdf', 'setup.pdf')).status).toBe(400);
    expect(await recordCounts(stack.db)).toEqual(before);
    const [{ n: blobsAfter }] = await stack.db.query<{ n: string }[]>('SELECT count(*) AS n FROM blob');
    expect(blobsAfter).toBe(blobsBefore);
  });

  it('should refuse a .docx that inflates past the bound (a ZIP bomb of 82 KB), and store nothing', async () => {
    const before = await recordCounts(stack.db);
    const [{ n: blobsBefore }] = await stack.db.query<{ n: string }[]>('SELECT count(*) AS n FROM blob');
    // word/document.xml is 80 MiB of spaces: within the 10 MB upload limit, past the 64 MiB of inflated parts.
    const bomb = readFileSync(join(__dirname, '../fixtures/documents/word-bomb.docx'));
    const res = await upload(bomb, DOCX, '草案.docx');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('expand to more than 64 MiB');
    expect(await recordCounts(stack.db)).toEqual(before);
    const [{ n: blobsAfter }] = await stack.db.query<{ n: string }[]>('SELECT count(*) AS n FROM blob');
    expect(blobsAfter).toBe(blobsBefore);
  });

  it('should diff two .docx versions by their text, preview the text, and download with nosniff', async () => {
    const v1 = await upload(
      await makeDocx(['第一条 为了规范管理，制定本办法。', '第三条 培训机构应当缴纳保证金。']),
      DOCX,
      '草案第一稿.docx',
    );
    expect(v1.status).toBe(201);
    const v2 = await upload(
      await makeDocx(['第一条 为了规范管理，制定本办法。', '第三条 培训机构的资金监管依照有关规定执行。']),
      DOCX,
      '草案第二稿.docx',
    );
    expect(v2.status).toBe(201);
    const versionId = v2.body.documents!.DRAFT.versionId;

    const diff = await stack.http.as<{ added: number; removed: number; unifiedDiff: string }>(
      'officer.zhang',
      'GET',
      `/api/documents/versions/${versionId}/diff`,
    );
    expect(diff.status).toBe(200);
    expect(diff.body.unifiedDiff).toContain('-第三条 培训机构应当缴纳保证金。');
    expect(diff.body.unifiedDiff).toContain('+第三条 培训机构的资金监管依照有关规定执行。');
    expect(diff.body.unifiedDiff).not.toContain('-第一条');

    const text = await stack.http.as<{ text: string; mediaType: string }>(
      'officer.zhang',
      'GET',
      `/api/documents/versions/${versionId}/text`,
    );
    expect(text.body.mediaType).toBe(DOCX);
    expect(text.body.text).toContain('资金监管');

    const download = await stack.http.as('officer.zhang', 'GET', `/api/documents/versions/${versionId}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-type')).toBe(DOCX);
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('草案第二稿.docx')}`,
    );

    const pdf = await upload(makePdf(), 'application/pdf', '说明.pdf');
    expect(pdf.status).toBe(201);
    const pdfText = await stack.http.as<{ text: string | null }>(
      'officer.zhang',
      'GET',
      `/api/documents/versions/${pdf.body.documents!.DRAFT.versionId}/text`,
    );
    expect(pdfText.body.text).toBeNull();
  });
});
