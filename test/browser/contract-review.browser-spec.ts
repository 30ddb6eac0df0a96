import { checkPage, expectNoConsoleErrors, openPage, signIn } from '../support/browser';
import { useProcedureJourney, type JourneySnapshot as Snapshot } from '../support/procedure-journey';
import { uniqueSuffix } from '../support/test-env';
import { holderAmong } from '../support/inbox';

/**
 * A government contract review in Debian's Chromium: the contract is submitted over HTTP; the routed legal adviser
 * opens it on the shared procedure page, goes through the checklist and passes it; the page shows it waiting for
 * signing, and the opinion binds the text reviewed.
 */
describe('the government contract review in a browser', () => {
  const { stack, api, browser } = useProcedureJourney('browser-cr');

  it('lets the routed adviser pass a contract bound to the text reviewed, and the unit record an acceptance with its agreed days', async () => {
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
    const reviewer =
      (await holderAmong(
        stack.http,
        ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang'],
        submitted.openTaskId,
      )) ?? '';
    expect(reviewer).not.toBe('');

    const w = await openPage(browser(), stack.http.baseUrl);
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

    // The unit signs the text reviewed and files the contract; in performance, the acceptance form takes the agreed
    // payment period as a number (the demonstration policy counts it in seconds), and the payment falls due after it.
    await api('drafter.mkt', 'POST', `/api/procedures/${id}/steps/sign`, {
      signedSha256: draft.documents.DRAFT.sha256,
      signatory: '王科长',
    });
    await api('drafter.mkt', 'POST', `/api/procedures/${id}/steps/file`, {
      filedWith: ['司法局'],
      reference: `备〔2026〕${uniqueSuffix()}号`,
    });
    const unit = await openPage(browser(), stack.http.baseUrl);
    await signIn(unit.page, 'drafter.mkt');
    await unit.page.goto(`/procedures/${id}`);
    const acceptance = unit.page.getByRole('form', { name: '验收（起算付款期限）' });
    await acceptance.waitFor();
    await acceptance.getByLabel('事项').fill('第一期检测服务');
    await acceptance.getByRole('spinbutton', { name: '约定付款期限（日，不超过60日）' }).fill('45');
    await acceptance.getByRole('button', { name: /提\s*交/ }).click();
    await unit.page.getByText('已办理：验收（起算付款期限）').waitFor();
    const performed = await api<{ live: { payments: { item: string; acceptedAt: string; dueAt: string }[] } }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${id}`,
    );
    expect(performed.live.payments.map((x) => [x.item, Date.parse(x.dueAt) - Date.parse(x.acceptedAt)])).toEqual([
      ['第一期检测服务', 45_000],
    ]);
    expectNoConsoleErrors(unit);
    await unit.context.close();
  });
});
