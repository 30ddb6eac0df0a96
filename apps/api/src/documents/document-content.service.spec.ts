import JSZip from 'jszip';
import { makeDocx, makeExe, makePdf } from '../../../../test/support/docx';
import { DomainError } from '@lawgate/domain';
import { DOCX, DocumentContentService, PDF, sniff } from './document-content.service';

describe('DocumentContentService', () => {
  const service = new DocumentContentService();
  const refused = async (mediaType: string, body: Buffer) => {
    const err = await service.check(mediaType, body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    return err as DomainError;
  };

  it('should accept a real .docx and read its text paragraph by paragraph', async () => {
    const docx = await makeDocx(['第一条 为了规范管理，制定本办法。', '第二条 本办法自发布之日起施行。']);
    expect(sniff(docx)).toBe('docx');
    await expect(service.check(DOCX, docx)).resolves.toBeUndefined();
    const text = await service.textOf(DOCX, docx);
    expect(text?.split('\n').filter(Boolean)).toEqual([
      '第一条 为了规范管理，制定本办法。',
      '第二条 本办法自发布之日起施行。',
    ]);
  });

  it('should refuse an executable, a plain ZIP and a PDF sent as a .docx', async () => {
    expect((await refused(DOCX, makeExe())).details).toEqual({ declared: DOCX, detected: 'executable' });
    const zip = new JSZip();
    zip.file('readme.txt', 'not a document');
    expect((await refused(DOCX, await zip.generateAsync({ type: 'nodebuffer' }))).details?.detected).toBe('zip');
    await refused(DOCX, makePdf());
  });

  it('should accept a PDF and refuse anything else sent as one, or a PDF cut short', async () => {
    await expect(service.check(PDF, makePdf())).resolves.toBeUndefined();
    expect(await service.textOf(PDF, makePdf())).toBeNull();
    await refused(PDF, makeExe());
    await refused(PDF, await makeDocx(['x']));
    await refused(PDF, makePdf().subarray(0, 40));
  });

  it('should accept UTF-8 text and refuse binaries or executables sent as text', async () => {
    await expect(service.check('text/plain', Buffer.from('第一条 内容\n'))).resolves.toBeUndefined();
    await refused('text/plain', makeExe());
    await refused('text/plain', Buffer.from([0x41, 0x00, 0x42]));
    await refused('text/markdown', Buffer.from('#!/bin/sh\nrm -rf /\n'));
    await refused('text/plain', Buffer.from([0xff, 0xfe, 0xfd]));
  });
});
