import { checkPage, expectNoConsoleErrors, openPage, signIn } from '../support/browser';
import { useProcedureJourney, type JourneySnapshot as Snapshot } from '../support/procedure-journey';
import { uniqueSuffix } from '../support/test-env';

/**
 * A major enforcement decision review in Debian's Chromium: the case is brought to the legal review over HTTP; the
 * reviewer opens it on the shared procedure page, reads why it is major, goes through the checklist, declares no
 * conflict and agrees; the page shows the case waiting for the decision.
 */
describe('the enforcement review in a browser', () => {
  const { stack, api, browser } = useProcedureJourney('browser-er');

  it('lets the review body agree on the shared procedure page, checklist and recusal declaration included', async () => {
    const title = `销售不合格电器案（${uniqueSuffix()}）`;
    const s = await api<Snapshot>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
      caseNumber: `B-${uniqueSuffix()}`,
      title,
      decisionKind: 'PENALTY',
      measure: 'FINE',
      field: '市场监管',
      amountYuan: 200000,
      statutoryGrounds: [],
      complexOrSerious: false,
      caseHandlers: ['drafter.mkt', 'inspector.mkt'],
    });
    const id = s.procedureId;
    const draft = await api<Snapshot>(
      'drafter.mkt',
      'POST',
      `/api/procedures/${id}/documents/DRAFT`,
      undefined,
      '行政处罚决定书（草稿）：罚款二十万元',
    );
    const evidence = await api<Snapshot>(
      'drafter.mkt',
      'POST',
      `/api/procedures/${id}/documents/EVIDENCE`,
      undefined,
      '现场检查笔录',
    );
    await api('drafter.mkt', 'POST', `/api/procedures/${id}/steps/submit-case`, {
      materials: {
        facts: '经查，当事人销售不合格电器',
        evidence: [{ title: '现场检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 }],
        provisions: ['《产品质量法》第四十九条'],
        discretionStandard: '裁量基准',
        proposedDecision: '罚款二十万元',
        hearingHeld: false,
      },
    });
    await api('officer.zhang', 'POST', `/api/procedures/${id}/steps/accept-materials`, {});

    const w = await openPage(browser(), stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto(`/procedures/${id}`);
    await page.getByTestId('current-stage').filter({ hasText: '法制审核' }).waitFor();
    await page.getByText('目录清单 JT-MKT@2026.1 MKT-FINE').waitFor();
    const form = page.getByRole('form', { name: '法制审核意见' });
    await form.waitFor();
    await checkPage(w, 'enforcement-review');
    await form.getByLabel('理由').fill('事实清楚，证据确凿，适用依据正确，程序合法，裁量适当。');
    await form.getByRole('switch', { name: /回避声明/ }).click();
    await expect(form.getByLabel('所审文本 SHA-256').inputValue()).resolves.toBe(draft.documents.DRAFT.sha256);
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('current-stage').filter({ hasText: '作出决定' }).waitFor();
    const live = await api<{ live: { stage: string; opinions: { conclusion: string }[] } }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${id}`,
    );
    expect([live.live.stage, live.live.opinions.map((o) => o.conclusion)]).toEqual(['DECISION', ['AGREE']]);
    expectNoConsoleErrors(w);
    await w.context.close();
  });
});
