import { FILING_STANDARDS } from '@lawgate/domain';
import { AuditRepository, FilingCatalogRepository } from '@lawgate/persistence';
import { checkPage, expectNoConsoleErrors, openPage, signIn } from '../support/browser';
import { useProcedureJourney, type JourneySnapshot as Snapshot } from '../support/procedure-journey';
import { uniqueSuffix } from '../support/test-env';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const file = (kind: string, text: string) => ({
  kind,
  filename: `${kind.toLowerCase()}.txt`,
  mediaType: 'text/plain',
  contentBase64: b64(text),
});
const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);

/**
 * The filing review (备案审查) in Debian's Chromium: a department files a normative document issued outside LawGate
 * over HTTP; the legal-affairs officer finds it in the inbox, defers its registration for a missing explanation on the
 * page, registers it once supplemented and passes it against the checklist of standards bound to the filed text,
 * deciding each finding of the pre-review; the public catalog page and the Atom feed list it.
 */
describe('the filing review in a browser', () => {
  const { stack, api, browser } = useProcedureJourney('browser-fr');

  it('lets the office defer, register and pass a filed document on the page, and lists it in the public catalog', async () => {
    const title = `金坛区市场主体信用分类监管办法（${uniqueSuffix()}）`;
    const documentNumber = `坛市监规〔2026〕${uniqueSuffix()}号`;
    const filed = await api<Snapshot>('drafter.mkt', 'POST', '/api/procedures/filing-reviews', {
      title,
      documentNumber,
      publishedOn: today(),
      files: [
        file('DRAFT', '第一条 为加强信用监管，制定本办法。\n第五条 对失信主体依法实施分类监管。\n'),
        file('FILING_REPORT', '关于报送备案的报告'),
      ],
    });
    const id = filed.procedureId;

    const w = await openPage(browser(), stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto('/inbox');
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(new RegExp(`/procedures/${id}`));
    await page.getByTestId('current-stage').filter({ hasText: '登记' }).waitFor();
    await page.getByText(documentNumber, { exact: true }).first().waitFor();

    // Deferral: the explanation of the drafting is missing; the issuer supplements it and takes its step.
    let form = page.getByRole('form', { name: '备案登记' });
    await form.waitFor();
    await checkPage(w, 'filing-review-registration');
    // The select shows its initial value (登记) over its input: the click goes to the select itself.
    await form
      .locator('.ant-select-selector')
      .filter({ has: page.getByRole('combobox', { name: '决定' }) })
      .click();
    await page.locator('.ant-select-item-option[title="暂缓登记"]').click();
    await form.getByRole('textbox', { name: '理由' }).fill('缺少起草说明');
    await form.getByRole('combobox', { name: '缺少的材料' }).fill('起草说明');
    await form.getByRole('combobox', { name: '缺少的材料' }).press('Enter');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('current-stage').filter({ hasText: '暂缓登记补充材料' }).waitFor();
    await page.getByTestId('fr-registrations').getByRole('row').filter({ hasText: '缺：起草说明' }).waitFor();
    await api('drafter.mkt', 'POST', `/api/procedures/${id}/documents/DRAFTING_EXPLANATION`, undefined, '起草说明');
    await api('drafter.mkt', 'POST', `/api/procedures/${id}/steps/supplement`, { note: '已补充起草说明' });

    await page.reload();
    form = page.getByRole('form', { name: '备案登记' });
    await form.waitFor();
    await form.getByRole('textbox', { name: '理由' }).fill('材料齐全，予以登记');
    await form.getByRole('button', { name: /提\s*交/ }).click();

    // The review: every standard checked, the outcome bound to the filed text's SHA-256.
    form = page.getByRole('form', { name: '备案审查处理' });
    await form.waitFor();
    await page.getByTestId('current-stage').filter({ hasText: '审查' }).waitFor();
    await checkPage(w, 'filing-review-review');
    await expect(form.getByLabel('所审文本 SHA-256').inputValue()).resolves.toBe(filed.documents.DRAFT.sha256);
    // The pre-review of the filed text: the outcome waits until each finding is decided with a reason.
    const findings = form.getByTestId('pre-review-finding');
    await findings.filter({ hasText: '缺少必备内容' }).first().waitFor();
    await expect(form.getByRole('button', { name: /提\s*交/ }).isDisabled()).resolves.toBe(true);
    const count = await findings.count();
    for (let i = 0; i < count; i++) {
      await findings.nth(i).getByRole('radio', { name: '排除' }).check();
      await findings.nth(i).getByLabel('理由').fill('备案报告已载明，不影响审查结论');
    }
    await form.getByRole('textbox', { name: '* 理由', exact: true }).fill('经审查，制定主体适格，内容合法，程序完备。');
    // The standards of §3.3 are a checklist, one row each with its verdict and a note; nothing is answered for the
    // reviewer, and a standard not met needs its note before anything is sent.
    const checklist = form.getByTestId('checklist');
    await expect(checklist.locator('tbody tr').count()).resolves.toBe(FILING_STANDARDS.length);
    const technique = checklist.locator('tbody tr').filter({ hasText: '符合制定技术规范' });
    await technique.getByRole('radio', { name: '不符合', exact: true }).check();
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await form.getByText('请逐项作出判断：制定主体适格').waitFor();
    await checklist.getByRole('button', { name: '未判断的事项均标为符合' }).click();
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await form.getByText('不符合的事项须说明问题：符合制定技术规范').waitFor();
    await technique.getByRole('radio', { name: '符合', exact: true }).check();
    await checkPage(w, 'filing-review-standards');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('current-stage').filter({ hasText: '审查通过' }).waitFor();
    const live = await api<{
      live: {
        stage: string;
        registrations: { decision: string; missing: string[] }[];
        opinions: { outcome: string; reviewedSha256: string; standards: { item: string; ok: boolean }[] }[];
      };
    }>('officer.zhang', 'GET', `/api/procedures/${id}`);
    expect([
      live.live.stage,
      live.live.registrations.map((r) => [r.decision, r.missing]),
      live.live.opinions.map((o) => [o.outcome, o.reviewedSha256]),
    ]).toEqual([
      'FILED',
      [
        ['DEFER', ['起草说明']],
        ['REGISTER', []],
      ],
      [['PASSED', filed.documents.DRAFT.sha256]],
    ]);
    expect(live.live.opinions[0].standards).toEqual(FILING_STANDARDS.map((item) => ({ item, ok: true, note: '' })));
    const [entry] = await stack.db.query<{ opinion: string; document_sha256: string }[]>(
      "SELECT opinion, document_sha256 FROM ledger_entry WHERE procedure_id = $1 AND decision = 'FILING_REVIEW_PASSED'",
      [id],
    );
    expect(entry.document_sha256).toBe(filed.documents.DRAFT.sha256);
    expect(entry.opinion).toContain('【自动预审发现及审核人意见】');
    expect(entry.opinion).toContain('——备案报告已载明，不影响审查结论');
    expectNoConsoleErrors(w);
    await w.context.close();

    // An edition of the catalog covering the pass (the worker publishes them on the cadence; here one is published
    // for a period of the test's own, so that the page shows it), then anyone, signed in or not, finds the document
    // in the catalog page, in the edition and in the feed.
    const passedAt = Date.parse(
      (
        await stack.db.query<{ at: Date }[]>(
          'SELECT recorded_at AS at FROM ledger_entry WHERE procedure_id = $1 AND decision = $2',
          [id, 'FILING_REVIEW_PASSED'],
        )
      )[0].at.toISOString(),
    );
    const periodKey = `browser-${uniqueSuffix()}`;
    await new FilingCatalogRepository(stack.db, new AuditRepository(stack.db)).publish(
      {
        key: periodKey,
        start: new Date(passedAt).toISOString(),
        end: new Date(passedAt + 1).toISOString(),
        label: `测试期间 ${periodKey}`,
      },
      'TEST',
      '金坛区人民政府（区司法局）',
    );
    const pub = await openPage(browser(), stack.http.baseUrl);
    await pub.page.goto('/public');
    await pub.page.getByRole('link', { name: '规范性文件备案目录' }).click();
    await pub.page.waitForURL(/\/public\/filing-catalog/);
    const row = pub.page.getByTestId('filing-catalog').getByRole('row').filter({ hasText: title });
    await row.getByText(documentNumber).waitFor();
    const editions = pub.page.getByTestId('filing-catalog-editions');
    await editions.getByText(`备案目录（测试期间 ${periodKey}）`).click();
    await editions.getByRole('row').filter({ hasText: title }).getByText(documentNumber).waitFor();
    await checkPage(pub, 'filing-catalog');
    const atom = await fetch(`${stack.http.baseUrl}/api/public/feeds/filings.atom`);
    expect(await atom.text()).toContain(documentNumber);
    await pub.context.close();
  });
});
