import ExcelJS from 'exceljs';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/** Excel exports open with exceljs and hold what the API lists. */
describe('exports: the register, the overdue list, the catalog and the clean-up lists as Excel workbooks', () => {
  const stack = useStack('e2e-exports', { withWorker: false });

  const download = async (username: string, path: string) => {
    const token = await stack.http.tokenFor(username);
    return fetch(`${stack.http.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  };
  const openBook = async (response: Response) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book;
  };
  const open = async (response: Response) => (await openBook(response)).worksheets[0];

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

  it("should export the year's published decision catalog with each item and its stage", async () => {
    // A year of this test's own: nobody else publishes a catalog for it.
    const year = 2100 + Math.floor(Math.random() * 800);
    const catalog = (method: string, path: string, body?: unknown) =>
      stack.http.as<{ status: string }>('officer.zhang', method, `/api/admin/catalog/${year}${path}`, { body });
    expect((await download('officer.zhang', `/api/admin/exports/catalog.xlsx?year=${year}`)).status).toBe(404);
    expect((await catalog('POST', '/versions', { title: `${year}年度目录`, reason: '年度编制' })).status).toBe(201);
    const items = [
      { itemKey: 'A-1', title: '新建中小学', kind: 'PUBLIC_CONSTRUCTION', description: '两所学校', reason: '纳入目录' },
      {
        itemKey: 'A-2',
        title: '公共停车设施规划',
        kind: 'PUBLIC_CONSTRUCTION',
        description: '城区',
        reason: '纳入目录',
      },
    ];
    for (const item of items) expect((await catalog('POST', '/items', item)).status).toBe(201);
    await stack.http.as('leader.zhou', 'POST', `/api/admin/catalog/${year}/party-consent`, {
      body: { consentBy: '中共常州市金坛区委', meeting: '区委常委会2026年第5次会议', reference: '坛委〔2026〕3号' },
    });
    expect((await catalog('POST', '/publish', { reason: '发布' })).body.status).toBe('PUBLISHED');

    const response = await download('leader.zhou', `/api/admin/exports/catalog.xlsx?year=${year}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
    const sheet = await open(response);
    expect(sheet.getRow(1).getCell(1).value).toBe('事项编号 Item');
    expect(sheet.rowCount).toBe(3);
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['A-1', '新建中小学', 'PUBLIC_CONSTRUCTION', '两所学校', 'NOT_STARTED', 0, 0],
      ['A-2', '公共停车设施规划', 'PUBLIC_CONSTRUCTION', '城区', 'NOT_STARTED', 0, 0],
    ]);
    expect((await download('drafter.edu', `/api/admin/exports/catalog.xlsx?year=${year}`)).status).toBe(403);
    expect((await download('officer.zhang', '/api/admin/exports/catalog.xlsx?year=12')).status).toBe(400);
    expect((await download('officer.zhang', '/api/admin/exports/catalog.xlsx')).status).toBe(400);
  });

  it("should export a clean-up campaign's four lists, one sheet each", async () => {
    const campaignId = `export-${uniqueSuffix()}`.slice(0, 60);
    const [officer] = await stack.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE username = 'officer.zhang'`,
    );
    await stack.db.query(
      `INSERT INTO cleanup_campaign (id, title, started_by, started_at, status, total_in_force, reviews_started)
       VALUES ($1, '导出测试清理', $2, now(), 'DONE', 0, 0)`,
      [campaignId, officer.id],
    );
    const response = await download('officer.zhang', `/api/admin/exports/cleanup-lists.xlsx?campaignId=${campaignId}`);
    expect(response.status).toBe(200);
    const book = await openBook(response);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '继续有效 Kept',
      '修改 Amended',
      '废止 Repealed',
      '已失效 Expired',
    ]);
    expect(book.worksheets[0].getRow(1).getCell(3).value).toBe('理由 Reason');
    // Nothing was decided in this campaign: the three decision sheets hold their headers only.
    expect(book.worksheets.slice(0, 3).map((w) => w.rowCount)).toEqual([1, 1, 1]);
    const [expired] = await stack.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM register_entry WHERE status = 'EXPIRED'`,
    );
    expect(book.worksheets[3].rowCount - 1).toBe(Number(expired.n));
    expect((await download('officer.zhang', '/api/admin/exports/cleanup-lists.xlsx?campaignId=nope-none')).status).toBe(
      404,
    );
    expect((await download('officer.zhang', '/api/admin/exports/cleanup-lists.xlsx?campaignId=%20x')).status).toBe(400);
    expect(
      (await download('drafter.edu', `/api/admin/exports/cleanup-lists.xlsx?campaignId=${campaignId}`)).status,
    ).toBe(403);
  });
});
