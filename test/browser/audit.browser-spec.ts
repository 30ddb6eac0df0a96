import type { Browser } from 'playwright-core';
import { checkPage, launchChromium, openPage, signIn } from '../support/browser';
import { useStack } from '../support/stack';

/** The audit trail in the console, in Debian's Chromium against the real stack: a failed login is listed and found by filters. */
describe('the audit trail in a browser', () => {
  const stack = useStack('browser-audit');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lists audit entries with filters, a failed login among them', async () => {
    const watched = await openPage(browser, stack.http.baseUrl);
    const { page } = watched;
    try {
      // A failed login in the browser itself.
      await page.goto('/login');
      await page.getByLabel('用户名').fill('leader.wang');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('alert').first().waitFor();

      await signIn(page, 'officer.zhang');
      await page.getByRole('link', { name: '审计日志' }).click();
      await page.waitForURL(/\/audit$/);
      const table = page.getByTestId('audit-entries');
      await table.getByText('auth.login', { exact: true }).first().waitFor(); // officer.zhang's own sign-in

      await page.getByRole('combobox', { name: '事件' }).click();
      await page.getByTitle('登录失败').click();
      await page.getByRole('button', { name: /查\s*询/ }).click();
      // The unfiltered list already shows the failed login: wait for the filtered answer to drop the sign-ins.
      const signIns = table.locator('tbody tr', { hasText: 'auth.login' }).filter({ hasNotText: 'failed' });
      await signIns.first().waitFor({ state: 'detached' });
      const failed = table.locator('tbody tr', { hasText: 'auth.login.failed' }).filter({ hasText: 'leader.wang' });
      await failed.first().waitFor();
      await expect(signIns.count()).resolves.toBe(0);

      await checkPage(watched, 'audit-trail', [/status of 401/]);

      await page.getByLabel('用户名').fill('officer.zhang');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await table.getByText('暂无数据').or(table.locator('.ant-empty')).first().waitFor();
    } finally {
      await watched.context.close();
    }
  });
});
