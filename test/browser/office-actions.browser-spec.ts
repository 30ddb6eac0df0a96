import type { Browser } from 'playwright-core';
import { checkPage, chooseOption, exactly, launchChromium, openPage, signIn } from '../support/browser';
import { eventually } from '../support/eventually';
import { procedureSteps } from '../support/procedure-steps';
import { uniquePrefix } from '../support/register';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/** The screens of the actions outside the procedure steps: conflicts of interest, number series, withdrawal. */
describe('office actions in the browser', () => {
  const stack = useStack('browser-office-actions');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A department of this test's own, so that a declaration or a series touches nobody else's routing or numbers. */
  const newDepartment = async () => {
    const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
    const units = (await stack.http.as<{ id: string; code: string }[]>('admin', 'GET', '/api/admin/units')).body;
    const name = `动作测试局${suffix}`;
    const created = await stack.http.as<{ id: string }>('admin', 'POST', '/api/admin/units', {
      body: {
        code: `JT-A${suffix.slice(-8).toUpperCase()}`,
        name,
        kind: 'DEPARTMENT',
        parentId: units.find((u) => u.code === 'JT-GOV')!.id,
        reason: '测试：新设单位',
      },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, name };
  };

  it('lets an adviser declare a conflict with a department', async () => {
    const department = await newDepartment();
    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'adviser.zhao');
    await page.getByRole('link', { name: '回避申报' }).click();
    const form = page.getByRole('form', { name: '申报回避' });
    await chooseOption(page, form, '单位', exactly(department.name), { search: department.name });
    await form.getByLabel('理由').fill('近亲属在该局任职');
    await form.getByRole('button', { name: /申\s*报/ }).click();
    await page.getByRole('row', { name: new RegExp(`${department.name}.*近亲属在该局任职`) }).waitFor();
    await checkPage(w, 'conflicts');
    const rows = await stack.db.query<{ reason: string }[]>(
      `SELECT c.reason FROM adviser_conflict c JOIN app_user u ON u.id = c.user_id
        WHERE u.username = 'adviser.zhao' AND c.department_id = $1`,
      [department.id],
    );
    expect(rows).toEqual([{ reason: '近亲属在该局任职' }]);
    await w.context.close();
  });

  it("lets the office add an issuer's number series and stop it, each with a reason", async () => {
    const department = await newDepartment();
    const prefix = uniquePrefix();
    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto('/console');
    await page.getByRole('tab', { name: '文号序列' }).click();
    const form = page.getByRole('form', { name: '文号序列' });
    await chooseOption(page, form, '发文机关', exactly(department.name), { search: department.name });
    await form.getByLabel('机关代字').fill(prefix);
    await form.getByLabel('理由').fill('新设单位启用文号');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: new RegExp(prefix) });
    await row.getByText('启用').waitFor();
    await checkPage(w, 'issuer-series');
    await row.getByRole('button', { name: /修\s*改/ }).click();
    await form.getByLabel('启用').click();
    await form.getByLabel('理由').fill('单位撤并，停止编号');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('停用').waitFor();
    const series = await stack.db.query<{ prefix: string; active: boolean }[]>(
      'SELECT prefix, active FROM issuer_series WHERE issuer_unit_id = $1',
      [department.id],
    );
    expect(series).toEqual([{ prefix, active: false }]);
    await w.context.close();
  });

  it('lets the drafting department withdraw its procedure with a reason', async () => {
    const title = `撤回测试办法${uniqueSuffix()}`;
    const id = await procedureSteps(stack).approved(title);
    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'drafter.edu');
    await page.goto(`/procedures/${id}`);
    await page.getByRole('button', { name: '撤回程序' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('撤回理由').fill('上位法已修改，不再需要制定。');
    await dialog.getByRole('button', { name: /确认撤回/ }).click();
    await eventually(async () => {
      const [row] = await stack.db.query<{ status: string }[]>('SELECT status FROM procedure WHERE id = $1', [id]);
      expect(row.status).toBe('WITHDRAWN');
    }, 30000);
    await page.getByRole('button', { name: '撤回程序' }).waitFor({ state: 'detached' });
    await checkPage(w, 'withdrawn');
    await w.context.close();
  }, 120_000);
});
