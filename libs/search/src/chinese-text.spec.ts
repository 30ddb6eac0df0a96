import { makeDocx } from '../../../test/support/docx';
import { documentText, segment } from './chinese-text';

describe('segment', () => {
  it('should split Chinese into words a query can match, and keep Latin words and numbers', () => {
    const words = segment('培训机构应当缴纳保证金，依照Article 3执行。').split(' ');
    expect(words).toEqual(expect.arrayContaining(['培训', '机构', '保证金', 'article', '3']));
    expect(words).not.toContain('，');
  });

  it('should read the text of plain text and refuse to guess a PDF', async () => {
    expect(await documentText('text/plain', Buffer.from('第一条'))).toBe('第一条');
    expect(await documentText('application/pdf', Buffer.from('%PDF-1.4'))).toBeNull();
  });

  it('should read the paragraphs of a Word document (mammoth, loaded on first use)', async () => {
    const docx = await makeDocx(['第一条 为了规范农贸市场管理', '第二条 本办法适用于本区']);
    const text = await documentText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx);
    expect(text?.trim().split(/\n+/)).toEqual(['第一条 为了规范农贸市场管理', '第二条 本办法适用于本区']);
  });
});
