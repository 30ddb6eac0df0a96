import { eventually } from '../support/eventually';
import { checkPage, chooseOption, expectNoConsoleErrors, openPage, signIn, useChromium } from '../support/browser';
import { procedureSteps } from '../support/procedure-steps';
import { validApplication } from '../support/records';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/**
 * The web app's normative-document journeys in Debian's Chromium against the real API (serving the built app), worker,
 * Temporal and PostgreSQL, with the demonstration periods: the adviser's review, the drafter's wizard and revision, the
 * public's reading and comment. Each procedure is brought to the journey's stage over HTTP, as the e2e tier does; the
 * journey's own step is taken in the browser. A major decision and the office's console: `journeys-console`.
 */
describe('the web app in a browser: a normative document', () => {
  const stack = useStack('browser', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  const chromium = useChromium();
  let base: string;

  beforeAll(() => {
    base = stack.http.baseUrl;
  });

  const { upload, step, live, userOf, approved, withAdviserOpinionTask } = procedureSteps(stack);
  const usernameOf = async (userId: string | null) => (await userOf(userId)).username;

  /** Drafting finished with every material; the draft published for comment (`period` omitted: the minimum). */
  async function inPublicComment(title: string, period?: { amount: number; unit: string }): Promise<string> {
    const id = await approved(title);
    await upload(id, 'DRAFT', `${title}\n第一条 为规范校外培训机构，制定本办法。\n第五条 培训机构须缴纳保证金。\n`);
    await upload(id, 'DRAFTING_EXPLANATION', '起草说明');
    await upload(id, 'BASIS_LIST', '制定依据');
    await upload(id, 'OWN_LEGALITY_OPINION', '经本单位审核，合法。');
    let s = await step('drafter.edu', id, 'complete-drafting', { note: '完成' });
    if (s.stage === 'FAIR_COMPETITION_REVIEW') {
      s = await step('drafter.edu', id, 'fair-competition-review', {
        conclusion: 'COMPLIANT',
        summary: '未含排除、限制竞争内容',
      });
    }
    await step('drafter.edu', id, 'comment-window', period ? { period } : {});
    return id;
  }

  /** In legality review, materials complete; returns the review task and its reviewer. */
  async function inLegalityReview(title: string): Promise<{ id: string; taskId: string; reviewer: string }> {
    const id = await inPublicComment(title);
    await eventually(async () => expect((await live(id)).commentWindow!.closed).toBe(true), 30000);
    await step('drafter.edu', id, 'complete-public-comment', { note: '无意见' });
    await step('drafter.edu', id, 'submit-for-review', { note: '经审核合法', expertise: ['教育'] });
    const s = await step('officer.zhang', id, 'materials-check', { complete: true, note: '齐全' });
    expect(s.stage).toBe('LEGALITY_REVIEW');
    const detail = await stack.http.as<{ tasks: { id: string; assigneeUserId: string | null }[] }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${id}`,
    );
    const review = detail.body.tasks.find((t) => t.id === s.openTaskId)!;
    return { id, taskId: review.id, reviewer: await usernameOf(review.assigneeUserId) };
  }

  it('lets an adviser find a legality review in the inbox, read the exact version and its pre-review findings, dismiss one with a reason, sign and see the stage move', async () => {
    const title = `校外培训机构管理办法（审核${uniqueSuffix()}）`;
    const { id, reviewer } = await inLegalityReview(title);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, reviewer);
    await page.goto('/inbox');
    await page.getByRole('link', { name: title }).first().waitFor();
    await checkPage(w, 'inbox');
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(new RegExp(`/procedures/${id}`));
    const sha = (await live(id)).documents!.DRAFT.sha256;
    await expect(page.getByTestId('version-sha').first().textContent()).resolves.toBe(sha);
    await expect(page.getByTestId('version-text').textContent()).resolves.toContain('第五条 培训机构须缴纳保证金。');
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('合法性审核');
    // The automatic pre-review shows its findings on this version: the deposit of 第五条 has no basis.
    const findings = page.getByTestId('pre-review-finding');
    await findings.filter({ hasText: '设定收费但无法律、法规依据' }).filter({ hasText: '第五条' }).waitFor();
    await checkPage(w, 'review');
    // The reviewer's statutory minimum (two seconds with the demonstration periods) has run by now.
    await page.getByRole('radio', { name: '合法', exact: true }).check();
    // Signing waits until every finding is confirmed or dismissed with a reason.
    await expect(page.getByRole('button', { name: /签\s*署/ }).isDisabled()).resolves.toBe(true);
    const count = await findings.count();
    for (let i = 0; i < count; i++) {
      const finding = findings.nth(i);
      const fee = ((await finding.textContent()) ?? '').includes('设定收费');
      await finding.getByRole('radio', { name: fee ? '排除' : '确认' }).check();
      await finding.getByLabel('理由').fill(fee ? '保证金由上位法规定，条文仅作提示' : '属实，已要求起草单位补正');
    }
    await page.getByRole('button', { name: /签\s*署/ }).click();
    await page.getByTestId('sign-result').filter({ hasText: '集体审议' }).waitFor();
    await page.getByTestId('current-stage').filter({ hasText: '集体审议' }).waitFor();
    expect((await live(id)).stage).toBe('DELIBERATION');
    const [entry] = await stack.db.query<{ opinion: string }[]>(
      "SELECT opinion FROM ledger_entry WHERE procedure_id = $1 AND decision = 'LAWFUL'",
      [id],
    );
    expect(entry.opinion).toContain('[排除] 设定收费但无法律、法规依据（FEE_WITHOUT_BASIS）');
    expect(entry.opinion).toContain('保证金由上位法规定，条文仅作提示');
    expectNoConsoleErrors(w);
    await w.context.close();
  });

  it('lets a drafter start a normative document in the wizard, upload a revision and answer a public comment', async () => {
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'drafter.edu');
    await page.goto('/drafting');
    await page.getByRole('button', { name: '启动规范性文件程序' }).click();
    // The wizard refuses to go on without the mandatory inputs.
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByText('请选择适用的程序').waitFor();
    await page.getByRole('radio', { name: /^行政规范性文件/ }).check();
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByText('请填写项目编号').waitFor();
    const code = uniqueSuffix().slice(0, 30);
    const title = `中小学课后服务管理办法（${code}）`;
    await page.getByLabel('项目编号').fill(code);
    await page.getByLabel('文件名称').fill(title);
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel('制定必要性').fill(validApplication.necessity);
    await page.getByLabel('制定依据').fill(validApplication.legalBasis);
    await page.getByLabel('主要内容').fill(validApplication.mainContent);
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByRole('button', { name: '提交立项申请' }).click();
    await page.getByText('请填写性质认定理由').waitFor();
    await page.getByLabel(/为何属于行政规范性文件/).fill(validApplication.classificationReason);
    // The message fades out; axe would otherwise measure the contrast of its fading text.
    await page.getByText('请填写性质认定理由').waitFor({ state: 'detached' });
    await checkPage(w, 'drafting-wizard');
    await page.getByRole('button', { name: '提交立项申请' }).click();
    await page.waitForURL(/\/procedures\/[0-9a-f-]{36}/);
    const id = /procedures\/([0-9a-f-]{36})/.exec(page.url())![1];
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('立项审批');

    await step('officer.zhang', id, 'project-approval', { decision: 'APPROVED', opinion: '同意立项' });
    await upload(id, 'DRAFT', '第一条 为规范课后服务，制定本办法。\n第二条 课后服务收费标准由学校自定。\n');
    await page.reload();
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('起草');
    await page.getByText('现为第1稿，上传后为第2稿').waitFor();
    await page
      .getByLabel('或直接填写文本')
      .fill('第一条 为规范课后服务，制定本办法。\n第二条 课后服务收费标准由价格主管部门核定。\n');
    await page.getByLabel('修改说明').fill('根据法律顾问意见修改第二条');
    await page.getByRole('button', { name: /上\s*传/ }).click();
    await page.getByTestId('version-label').filter({ hasText: '草案 第2稿' }).waitFor();
    await page
      .getByTestId('version-diff')
      .filter({ hasText: '+第二条 课后服务收费标准由价格主管部门核定。' })
      .waitFor();
    await checkPage(w, 'procedure-drafting');
    expect((await live(id)).documents!.DRAFT.version).toBe(2);

    await upload(id, 'DRAFTING_EXPLANATION', '起草说明');
    await upload(id, 'BASIS_LIST', '制定依据');
    let s = await step('drafter.edu', id, 'complete-drafting', { note: '完成' });
    if (s.stage === 'FAIR_COMPETITION_REVIEW') {
      s = await step('drafter.edu', id, 'fair-competition-review', {
        conclusion: 'COMPLIANT',
        summary: '未含排除、限制竞争内容',
      });
    }
    s = await step('drafter.edu', id, 'comment-window', {});
    const receipt = await stack.http.request(
      'POST',
      `/api/public/comment-windows/${s.commentWindow!.windowId}/comments`,
      {
        body: { content: '建议明确课后服务的退费规则。', name: '王女士' },
      },
    );
    expect(receipt.status).toBe(201);
    await eventually(async () => expect((await live(id)).commentWindow!.closed).toBe(true), 30000);
    await page.reload();
    await page.getByText('建议明确课后服务的退费规则。').waitFor();
    await chooseOption(page, page, '采纳情况', '采纳');
    await page.getByLabel('答复理由').fill('已采纳，增加退费条款。');
    await page.getByRole('button', { name: /答\s*复/ }).click();
    await page.getByText('采纳：已采纳，增加退费条款。').waitFor();
    await eventually(async () => expect((await live(id)).commentWindow!.answeredIds).toHaveLength(1));
    expectNoConsoleErrors(w);
    await w.context.close();
  });

  it('lets a member of the public read a published document and comment on an open draft, with a receipt', async () => {
    const title = `校外培训机构管理办法（发布${uniqueSuffix()}）`;
    const { id, reviewer } = await inLegalityReview(title);
    await eventually(async () => {
      await step(reviewer, id, 'legality-opinion', {
        conclusion: 'LAWFUL',
        reasons: '',
        reviewedSha256: (await live(id)).documents!.DRAFT.sha256,
      });
    });
    await step('leader.zhou', id, 'deliberation', {
      decision: 'ADOPTED',
      meeting: '区政府第12次常务会议',
      meetingDate: '2026-11-20',
      minutes: '审议通过，区长签发。',
    });
    await step('officer.zhang', id, 'registration', {});
    await step('officer.zhang', id, 'publication', {
      channel: 'WEBSITE',
      reference: 'https://www.jintan.gov.cn/a.html',
    });
    const consultation = `托育机构管理办法（征求意见${uniqueSuffix()}）`;
    await inPublicComment(consultation, { amount: 30, unit: 'CALENDAR_DAYS' });

    const w = await openPage(chromium.browser, base, 390);
    const { page } = w;
    await page.goto('/public');
    await page.getByLabel('按标题搜索').fill('发布');
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByTestId('published-text').textContent()).resolves.toContain('第一条');
    await checkPage(w, 'public-document');
    await page.goto('/public');
    await page.getByRole('link', { name: consultation }).waitFor();
    await page.getByRole('heading', { name: '已公布的决策' }).waitFor();
    await checkPage(w, 'public-register');
    await page.getByRole('link', { name: consultation }).click();
    await page.getByLabel('意见内容').fill('建议明确托育机构的收费公示要求。');
    await page.getByRole('button', { name: /提交意见/ }).click();
    await expect(page.getByTestId('receipt').textContent()).resolves.toMatch(/回执编号：ZQ-\d{8}-\d{4}/);
    await checkPage(w, 'public-comment');
    // With the receipt number anyone looks up the comment and, once given, the answer.
    const receipt = /ZQ-\d{8}-\d{4}/.exec((await page.getByTestId('receipt').textContent()) ?? '')![0];
    await page.getByRole('link', { name: '查询答复' }).click();
    await page.getByTestId('comment-status').getByText(receipt).waitFor();
    await page.getByTestId('comment-status').getByText('已收到').waitFor();
    await checkPage(w, 'public-comment-receipt');
    await w.context.close();
  });

  it('explains a sign-off on a version that is no longer current in plain words', async () => {
    const { id, adviser } = await withAdviserOpinionTask(`课后服务收费办法（过期稿${uniqueSuffix()}）`);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, adviser);
    // The page's answers come without the live state, as when the worker does not answer the API's query in time,
    // until the page has said so: it asks again, and the opinion form then takes the version it shows. (Every answer
    // until then, not only the first: the test build runs React's development mode, whose StrictMode mounts the page
    // twice, and the page shows only the answer to its last request.)
    let withoutLive = true;
    const detail = `**/api/procedures/${id}`;
    await page.route(detail, async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as Record<string, unknown>;
      // A request the page has given up on meanwhile is no longer there to answer.
      await route.fulfill({ response, json: withoutLive ? { ...json, live: null } : json }).catch(() => undefined);
    });
    await page.goto(`/procedures/${id}`);
    await page.getByText('正在获取程序的实时状态…').waitFor();
    withoutLive = false;
    await page.getByText('所审草案：第1稿').waitFor();
    await page.getByText('正在获取程序的实时状态…').waitFor({ state: 'hidden' });
    await page.unroute(detail);
    // Meanwhile the drafting department uploads a second draft.
    await upload(id, 'DRAFT', `${id}\n第一条 为规范管理，制定本办法。\n第二条 新增条款。\n`);
    await page.getByRole('radio', { name: '合法', exact: true }).check();
    await page.getByRole('button', { name: /签\s*署/ }).click();
    await page.getByTestId('sign-error').filter({ hasText: '草案已更新为第2稿，请阅读最新版本后重新签署' }).waitFor();
    await checkPage(w, 'stale-version', [/status of 409/]);
    await w.context.close();
  });
});
