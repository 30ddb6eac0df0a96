import ExcelJS from 'exceljs';
import { useStack } from '../support/stack';

/** Excel exports open with exceljs and hold what the API lists. */
describe('exports: the register and the overdue list as Excel workbooks', () => {
  const stack = useStack('e2e-exports', { withWorker: false });

  const download = async (username: string, path: string) => {
    const token = await stack.http.tokenFor(username);
    return fetch(`${stack.http.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  };
  const open = async (response: Response) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book.worksheets[0];
  };

  it('should export the register with every listed entry, as an attachment', async () => {
    const response = await download('officer.zhang', '/api/admin/exports/register.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
    const sheet = await open(response);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '文号 Number',
      '标题 Title',
      '制定机关 Issuer',
      '状态 Status',
      '登记日期 Registered',
      '公布日期 Published',
      '有效期至 Valid until',
    ]);
    const listed = await stack.http.as<{ items: { number: string }[]; nextCursor: string | null }>(
      'officer.zhang',
      'GET',
      '/api/admin/register?limit=100',
    );
    if (listed.body.nextCursor === null) {
      expect(sheet.rowCount - 1).toBe(listed.body.items.length);
      const numbers = sheet.getColumn(1).values.slice(2);
      expect(numbers).toEqual(listed.body.items.map((i) => i.number));
    }
  });

  it('should export the overdue list and refuse both to a drafter', async () => {
    const response = await download('officer.zhang', '/api/admin/exports/overdue-tasks.xlsx');
    expect(response.status).toBe(200);
    const sheet = await open(response);
    expect(sheet.getRow(1).getCell(1).value).toBe('程序 Procedure');
    expect((await download('drafter.edu', '/api/admin/exports/register.xlsx')).status).toBe(403);
    expect((await download('drafter.edu', '/api/admin/exports/overdue-tasks.xlsx')).status).toBe(403);
    expect((await download('officer.zhang', '/api/admin/exports/register.xlsx?status=NOPE')).status).toBe(400);
  });
});
