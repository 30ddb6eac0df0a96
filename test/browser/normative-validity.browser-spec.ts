import { eventually } from '../support/eventually';
import { checkPage, openPage, signIn, useChromium } from '../support/browser';
import { procedureSteps, type Snapshot } from '../support/procedure-steps';
import { useStack } from '../support/stack';
import { validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface LifeSnapshot extends Snapshot {
  validity?: { effectiveDate: string | null; earlyEffectReason: string | null; continuations: unknown[] } | null;
  filings?: { filingId: string; recipient: string; status: string }[];
  evaluationTaskId?: string | null;
  expiresAt?: string | null;
  amendment?: { procedureId: string | null } | null;
  amends?: { procedureId: string } | null;
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/**
 * A normative document's validity through the pages, with the demonstration periods: the drafter sets the effective
 * date (an early one only with its reason), the leader deliberates at the meeting its issuer requires, the office
 * records a filing event with one of several recipients, decides the evaluation before expiry to continue it, and a
 * document whose evaluation decided to amend it starts its amendment from its own page.
 */
describe('the validity of a normative document in a browser', () => {
  const stack = useStack('browser', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  const chromium = useChromium();
  let base: string;
  let id: string;

  beforeAll(() => {
    base = stack.http.baseUrl;
  });

  const { upload, step, approved, userOf, tasks } = procedureSteps(stack);
  const detail = async (procedureId: string) =>
    (
      await stack.http.as<{
        live: LifeSnapshot;
        ledger: { decision: string }[];
        tasks: { id: string; status: string }[];
      }>('officer.zhang', 'GET', `/api/procedures/${procedureId}`)
    ).body;

  /** Over HTTP, just before publication: in force at once (with the reason), valid for `seconds` from now. */
  const inForceSoon = (procedureId: string, seconds: number) =>
    step('drafter.edu', procedureId, 'effective-date', {
      effectiveDate: inSeconds(1),
      validUntil: inSeconds(seconds),
      earlyEffectReason: '演示：公布后即施行',
    });

  /** From drafting, over HTTP, to the deliberation. */
  async function toDeliberation(procedureId: string, title: string): Promise<void> {
    await upload(procedureId, 'DRAFT', `${title}\n第一条 为规范管理，制定本办法。\n`);
    await upload(procedureId, 'DRAFTING_EXPLANATION', '起草说明');
    await upload(procedureId, 'BASIS_LIST', '制定依据');
    await upload(procedureId, 'OWN_LEGALITY_OPINION', '经本单位审核，合法。');
    let s = await step('drafter.edu', procedureId, 'complete-drafting', { note: '完成' });
    if (s.stage === 'FAIR_COMPETITION_REVIEW') {
      await step('drafter.edu', procedureId, 'fair-competition-review', { conclusion: 'COMPLIANT', summary: '无' });
    }
    await step('drafter.edu', procedureId, 'comment-window', {});
    await eventually(async () => expect((await detail(procedureId)).live.commentWindow?.closed).toBe(true), 30000);
    await step('drafter.edu', procedureId, 'complete-public-comment', { note: '无意见' });
    await step('drafter.edu', procedureId, 'submit-for-review', { note: '经审核合法' });
    s = await step('officer.zhang', procedureId, 'materials-check', { complete: true, note: '齐全' });
    const review = (await tasks(procedureId)).find((t) => t.id === s.openTaskId)!;
    const reviewer = (await userOf(review.assigneeUserId)).username;
    await eventually(async () => {
      await step(reviewer, procedureId, 'legality-opinion', {
        conclusion: 'LAWFUL',
        reasons: '',
        reviewedSha256: (await detail(procedureId)).live.documents!.DRAFT.sha256,
      });
    });
  }

  it("lets the drafter set the effective date on the procedure's page, an early one only with its reason", async () => {
    const title = `校外培训机构管理办法（施行${uniqueSuffix()}）`;
    id = await approved(title);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'drafter.edu');
    await page.goto(`/procedures/${id}`);
    const form = page.getByRole('form', { name: '设定施行日期' });
    await form.getByLabel('施行日期').fill(inSeconds(1));
    // A validity of its own; the next test sets a shorter one just before publication.
    await form.getByLabel(/^有效期至/).fill(inSeconds(180));
    await form.getByRole('button', { name: '设定施行日期' }).click();
    // Earlier than the policy allows after publication: refused, citing the rule, until the reason is given.
    await page.getByRole('alert').filter({ hasText: '国办发〔2018〕37号' }).waitFor();
    expect((await detail(id)).live.validity?.effectiveDate ?? null).toBeNull();
    await form.getByLabel('提前施行理由').fill('演示：公布后即施行');
    await form.getByRole('button', { name: '设定施行日期' }).click();
    // The card shows what was set: the reason for the early effect beside the date.
    await page.locator('.ant-descriptions').getByText('演示：公布后即施行').waitFor();
    const live = (await detail(id)).live;
    expect(live.validity).toMatchObject({ earlyEffectReason: '演示：公布后即施行' });
    expect(live.validity?.effectiveDate).toBeTruthy();
    expect((await detail(id)).ledger.map((e) => e.decision)).toEqual(
      expect.arrayContaining(['EFFECTIVE_DATE_SET', 'DISCRETION_EARLY_EFFECT']),
    );
    await checkPage(w, 'effective-date', [/status of 422/]);
    await w.context.close();
  }, 120000);

  it("lets the government's leader deliberate at the executive meeting and the office record a filing with one recipient", async () => {
    await toDeliberation(id, '校外培训机构管理办法');
    const leader = await openPage(chromium.browser, base);
    await signIn(leader.page, 'leader.zhou');
    await leader.page.goto(`/procedures/${id}`);
    await leader.page.getByText('审议会议：政府常务会议').waitFor();
    await leader.page.getByRole('combobox', { name: '审议结果' }).click();
    await leader.page.locator('.ant-select-item-option[title="通过"]').click();
    await leader.page.getByLabel('政府常务会议').fill('区政府第12次常务会议');
    await leader.page.getByLabel('会议日期').fill('2026-11-20');
    await leader.page.getByLabel('会议日期').press('Enter');
    await leader.page.getByLabel('审议记录').fill('审议通过，区长签发。');
    const sent = leader.page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/steps/deliberation'),
    );
    await leader.page.getByRole('button', { name: /签\s*署/ }).click();
    // The government's document is deliberated at its executive meeting, and the form says so to the API.
    const response = await sent;
    expect(response.request().postDataJSON()).toMatchObject({ meetingKind: 'EXECUTIVE', decision: 'ADOPTED' });
    expect({ status: response.status(), body: await response.text() }).toMatchObject({ status: 200 });
    await leader.context.close();

    await step('officer.zhang', id, 'registration', {});
    // The drafter's date stands until publication: set again just before it, so that the evaluation opens at a known
    // time after the publication (halfway to the end) however long the steps before it took.
    await inForceSoon(id, 50);
    const published = (await step('officer.zhang', id, 'publication', {
      channel: 'WEBSITE',
      reference: `https://www.jintan.gov.cn/${id}`,
    })) as LifeSnapshot;
    expect(published.filings).toHaveLength(2);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto(`/procedures/${id}`);
    const filings = page.getByRole('region', { name: '备案情况' });
    await filings.getByText('金坛区人民代表大会常务委员会').waitFor();
    await page.getByRole('combobox', { name: '备案机关' }).click();
    await page.locator('.ant-select-item-option[title="金坛区人民代表大会常务委员会"]').click();
    await page.getByRole('combobox', { name: '备案事件' }).click();
    await page.locator('.ant-select-item-option[title="已报送"]').click();
    await page.getByRole('button', { name: /记\s*录/ }).click();
    await eventually(async () => {
      const byRecipient = Object.fromEntries((await detail(id)).live.filings!.map((f) => [f.recipient, f.status]));
      expect(byRecipient).toEqual({
        金坛区人民代表大会常务委员会: 'SUBMITTED',
        '常州市人民政府（市司法局）': 'PENDING',
      });
    });
    await filings.locator('tr', { hasText: '金坛区人民代表大会常务委员会' }).getByText('已报送').waitFor();
    await filings.locator('tr', { hasText: '常州市人民政府（市司法局）' }).getByText('待报送').waitFor();
    await checkPage(w, 'filings');
    await w.context.close();
  }, 240000);

  it('lets the office decide the evaluation before expiry to continue it, with a new validity', async () => {
    const taskId = await eventually(
      async () => {
        const live = (await detail(id)).live;
        expect(live.evaluationTaskId).toBeTruthy();
        return live.evaluationTaskId!;
      },
      150000,
      1000,
    );
    const before = (await detail(id)).live.expiresAt!;
    const newEnd = inSeconds(1800);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto(`/procedures/${id}`);
    const form = page.getByRole('form', { name: '届满前评估' });
    await form.getByRole('combobox', { name: '评估决定' }).click();
    await page.locator('.ant-select-item-option[title="继续施行"]').click();
    await form.getByLabel(/^新的有效期至/).fill(newEnd);
    await form.getByLabel('评估理由').fill('评估：仍需施行');
    await form.getByRole('button', { name: '签署评估决定' }).click();
    await page.getByTestId('sign-result').filter({ hasText: '评估决定继续施行' }).waitFor();
    const after = await detail(id);
    expect(after.live.expiresAt).toBe(newEnd);
    expect(Date.parse(newEnd)).toBeGreaterThan(Date.parse(before));
    expect(after.tasks.find((t) => t.id === taskId)?.status).not.toBe('OPEN');
    expect(after.ledger.map((e) => e.decision).slice(-1)).toEqual(['EVALUATED_CONTINUE']);
    await checkPage(w, 'evaluation');
    await w.context.close();
  }, 240000);

  it('lets the drafting department start the amendment from the page of the document whose evaluation decided it', async () => {
    const title = `校外培训机构管理办法（修订前${uniqueSuffix()}）`;
    const old = await approved(title);
    await toDeliberation(old, title);
    await step('leader.zhou', old, 'deliberation', {
      decision: 'ADOPTED',
      meeting: '区政府第12次常务会议',
      meetingKind: 'EXECUTIVE',
      meetingDate: '2026-11-20',
      minutes: '审议通过，区长签发。',
    });
    await step('officer.zhang', old, 'registration', {});
    await inForceSoon(old, 20);
    await step('officer.zhang', old, 'publication', {
      channel: 'WEBSITE',
      reference: `https://www.jintan.gov.cn/${old}`,
    });
    await eventually(async () => expect((await detail(old)).live.evaluationTaskId).toBeTruthy(), 90000, 1000);
    await step('officer.zhang', old, 'evaluation', { decision: 'AMEND', reason: '上位法修改，需修订' });

    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'drafter.edu');
    await page.goto(`/procedures/${old}`);
    await page.getByText('评估决定予以修订：上位法修改，需修订').waitFor();
    await page.getByRole('button', { name: '启动修订程序' }).click();
    await page.waitForURL(new RegExp(`/drafting\\?amends=${old}`));
    // The wizard opens on the project, linked to the old document and with its title.
    await page
      .getByRole('status')
      .filter({ hasText: `修订《${title}》` })
      .waitFor();
    await expect(page.getByLabel('文件名称').inputValue()).resolves.toBe(`${title}（修订）`);
    await page.getByLabel('项目编号').fill(uniqueSuffix().slice(0, 30));
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel('制定必要性').fill(validApplication.necessity);
    await page.getByLabel('制定依据').fill(validApplication.legalBasis);
    await page.getByLabel('主要内容').fill(validApplication.mainContent);
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel(/为何属于行政规范性文件/).fill(validApplication.classificationReason);
    await page.getByRole('button', { name: '提交立项申请' }).click();
    await page.waitForURL(/\/procedures\/[0-9a-f-]{36}/);
    const amendment = /procedures\/([0-9a-f-]{36})/.exec(page.url())![1];
    expect((await detail(amendment)).live.amends).toMatchObject({ procedureId: old });
    await eventually(async () => expect((await detail(old)).live.amendment).toMatchObject({ procedureId: amendment }));
    // Back on the old document, the button has become the link to the amendment under way.
    await page.goto(`/procedures/${old}`);
    await page.getByRole('link', { name: '查看修订程序' }).waitFor();
    await expect(page.getByRole('button', { name: '启动修订程序' }).count()).resolves.toBe(0);
    await checkPage(w, 'amendment-start');
    await w.context.close();
  }, 300000);
});
