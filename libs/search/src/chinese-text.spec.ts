import { makeDocx } from '../../../test/support/docx';
import { documentText, searchWords, segment } from './chinese-text';

describe('searchWords', () => {
  it('should keep each word once, in the order it first occurs, across slices of the text', () => {
    // 200 000 characters: several slices; the words of every slice are there, once.
    const text = '培训机构应当缴纳保证金。'.repeat(16_000) + '湿地保护区内禁止新建排污口。';
    const { words, complete } = searchWords(text);
    const list = words.split(' ');
    expect(complete).toBe(true);
    expect(new Set(list).size).toBe(list.length);
    expect(list.slice(0, 3)).toEqual(['培训', '机构', '应当']);
    expect(list).toEqual(expect.arrayContaining(['保证金', '湿地', '排污口']));
  });

  it('should stop at its budget of bytes and say that words were left out', () => {
    // 100 000 distinct numbers: over 1 MB as a tsvector, which PostgreSQL refuses.
    const text = Array.from({ length: 100_000 }, (_, i) => `编号${100_000 + i}`).join('，');
    const { words, complete } = searchWords(text, 64 * 1024);
    expect(complete).toBe(false);
    const bytes = words.split(' ').reduce((sum, w) => sum + Buffer.byteLength(w) + 8, 0);
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    expect(bytes).toBeGreaterThan(60 * 1024);
    expect(words.split(' ').slice(0, 2)).toEqual(['编号', '100000']);
  });
});

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
