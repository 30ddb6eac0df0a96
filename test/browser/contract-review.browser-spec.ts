import type { Browser } from 'playwright-core';
import { checkPage, expectNoConsoleErrors, launchChromium, openPage, signIn } from '../support/browser';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
}

/**
 * A government contract review in Debian's Chromium: the contract is submitted over HTTP; the routed legal adviser
 * opens it on the shared procedure page, goes through the checklist and passes it; the page shows it waiting for
 * signing, and the opinion binds the text reviewed.
 */
describe('the government contract review in a browser', () => {
  const stack = useStack('browser-cr', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  const api = async <T>(user: string, method: string, path: string, body?: unknown, raw?: string) => {
    const res = await stack.http.as<T>(
      user,
      method,
      path,
      raw !== undefined ? { rawBody: raw, headers: { 'content-type': 'text/plain' } } : { body },
    );
    expect(res.status).toBeLessThan(300);
    return res.body;
  };

  it('lets the routed adviser pass a contract on the procedure page, bound to the text reviewed', async () => {
    const s = await api<Snapshot>('drafter.mkt', 'POST', '/api/procedures/contract-reviews', {
      contractNumber: `BC-${uniqueSuffix()}`,
      title: `检验检测服务委托合同（${uniqueSuffix()}）`,
      kind: 'COMMISSIONED_SERVICES',
      administrativeAgreement: false,
      basis: 'PROCUREMENT',
      counterpart: '某检测有限公司',
      counterpartSme: true,
      amountYuan: 800000,
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
    });
    const id = s.procedureId;
    const draft = await api<Snapshot>(
      'drafter.mkt',
      'POST',
      `/api/procedures/${id}/documents/DRAFT`,
      undefined,
      '委托合同（草案）',
    );
    const submitted = await api<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/steps/submit`, {
      note: '送审',
    });
    let reviewer = '';
    for (const user of ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang']) {
      const inbox = await api<{ items: { id: string }[] }>(user, 'GET', '/api/tasks/inbox?limit=200');
      if (inbox.items.some((t) => t.id === submitted.openTaskId)) reviewer = user;
    }
    expect(reviewer).not.toBe('');

    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, reviewer);
    await page.goto(`/procedures/${id}`);
    await page.getByTestId('current-stage').filter({ hasText: '合法性审查' }).waitFor();
    await page.getByText('某检测有限公司', { exact: true }).waitFor();
    const form = page.getByRole('form', { name: '合同合法性审查意见' });
    await form.waitFor();
    await checkPage(w, 'contract-review');
    await form.getByLabel('理由').fill('主体适格，条款合法，付款期限符合中小企业款项支付规定。');
    await expect(form.getByLabel('所审文本 SHA-256').inputValue()).resolves.toBe(draft.documents.DRAFT.sha256);
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('current-stage').filter({ hasText: '签订' }).waitFor();
    const live = await api<{ live: { stage: string; opinions: { conclusion: string; reviewedSha256: string }[] } }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${id}`,
    );
    expect([live.live.stage, live.live.opinions.map((o) => [o.conclusion, o.reviewedSha256])]).toEqual([
      'SIGNING',
      [['PASS', draft.documents.DRAFT.sha256]],
    ]);
    expectNoConsoleErrors(w);
    await w.context.close();
  });
});
