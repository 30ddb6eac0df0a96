import type { Browser } from 'playwright-core';
import { checkPage, chooseOption, launchChromium, openPage, signIn } from '../support/browser';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/** The administrator adds an adviser on the accounts page; the adviser signs in with the temporary password. */
describe('accounts in the browser', () => {
  const stack = useStack('browser-accounts', { withWorker: false });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  it('should let the administrator create an adviser with a qualification and a reason', async () => {
    const watched = await openPage(browser, stack.http.baseUrl);
    const { page } = watched;
    await signIn(page, 'admin');
    await page.getByRole('link', { name: '账号与单位' }).click();
    await page.getByRole('button', { name: /新增人员/ }).click();
    const dialog = page.getByRole('dialog');
    const username = `adviser.web.${uniqueSuffix().replace(/[^a-z0-9]/g, '')}`;
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('网页顾问');
    await dialog.getByLabel('电子邮箱（接收通知）').fill(`${username}@jintan.test`);
    await chooseOption(page, dialog, '单位', /法律顾问委员会/, { search: '法律顾问委员会' });
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await page.getByTitle('法律顾问', { exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: '资格' }).click();
    await page.getByTitle('法律职业资格', { exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('理由').fill('新聘法律顾问');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const password = await page.getByTestId('temporary-password').textContent();
    expect(password).toMatch(/^\S{12}$/);
    await checkPage(watched, 'accounts');

    const login = await stack.http.request('POST', '/api/auth/login', { body: { username, password } });
    expect(login.status).toBe(200);
    const [row] = await stack.db.query<{ roles: string[]; qualifications: string[]; email: string }[]>(
      'SELECT roles, qualifications, email FROM app_user WHERE username = $1',
      [username],
    );
    expect(row).toEqual({
      roles: ['LEGAL_ADVISER'],
      qualifications: ['LEGAL_PROFESSION'],
      email: `${username}@jintan.test`,
    });
  });
});
