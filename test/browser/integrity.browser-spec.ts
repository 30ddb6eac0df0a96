import { Client, Connection } from '@temporalio/client';
import type { Browser } from 'playwright-core';
import { checkPage, launchChromium, openPage, signIn } from '../support/browser';
import { validApplication } from '../support/records';
import { lawgateTestDataConverter } from '../support/secrets';
import { useStack } from '../support/stack';
import { testEnv, uniqueSuffix } from '../support/test-env';

/**
 * The integrity alerts in the console, in Debian's Chromium against the real stack: a procedure's workflow terminated
 * with the raw Temporal client shows up as an alert once the officer reconciles.
 */
describe('integrity alerts in a browser', () => {
  const stack = useStack('browser-integrity');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a workflow terminated outside LawGate as an alert after reconciling', async () => {
    const started = await stack.http.as<{ workflowId: string }>(
      'drafter.edu',
      'POST',
      '/api/procedures/normative-documents',
      { body: { projectCode: uniqueSuffix(), title: '金坛区告警测试办法', application: validApplication } },
    );
    expect(started.status).toBe(201);
    const connection = await Connection.connect({ address: testEnv().temporalAddress });
    try {
      const operator = new Client({ connection, dataConverter: lawgateTestDataConverter() });
      await operator.workflow.getHandle(started.body.workflowId).terminate('运维手工终止');
    } finally {
      await connection.close();
    }

    const watched = await openPage(browser, stack.http.baseUrl);
    const { page } = watched;
    try {
      await signIn(page, 'officer.zhang');
      await page.goto('/console');
      await page.getByRole('tab', { name: '完整性告警' }).click();
      await page.getByRole('button', { name: '立即核对流程与记录' }).click();
      await page
        .getByTestId('reconcile-status')
        .filter({ hasText: /已核对 \d+ 个程序，新告警 [1-9]\d* 条。/ })
        .waitFor();
      const row = page.locator('tbody tr', { hasText: started.body.workflowId });
      await row.filter({ hasText: '流程被外部终止' }).first().waitFor();
      await checkPage(watched, 'integrity-alerts');
    } finally {
      await watched.context.close();
    }
  });
});
