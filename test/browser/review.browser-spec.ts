import type { Browser } from 'playwright-core';
import { eventually } from '../support/eventually';
import { checkPage, chooseOption, expectNoConsoleErrors, launchChromium, openPage, signIn } from '../support/browser';
import { procedureSteps } from '../support/procedure-steps';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/**
 * The legal adviser's review in Debian's Chromium against the real stack (demonstration periods): the materials of
 * the review (public comments and their adoption, earlier opinions), delegating the drafting of an opinion and its
 * countersignature, and the inbox in English. Procedures are brought to the stage over HTTP; the adviser's own steps
 * are taken in the browser.
 */
describe("the adviser's review in a browser", () => {
  const stack = useStack('browser-review', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    browser = await launchChromium();
    base = stack.http.baseUrl;
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });
  // This file's worker stops with the file: its procedures are withdrawn, so that pages listing every running
  // procedure (the console) in a later file do not wait on workflows nobody polls any more.
  const started: string[] = [];
  afterEach(async () => {
    for (const id of started.splice(0)) {
      const res = await stack.http.as('drafter.edu', 'POST', `/api/procedures/${id}/withdraw`, {
        body: { reason: '测试结束' },
      });
      expect(res.status).toBe(200);
    }
  });

  const {
    upload,
    step,
    live,
    tasks,
    userOf: user,
    approved,
    withAdviserOpinionTask,
  } = procedureSteps(stack, { onStarted: (id) => started.push(id) });

  it("shows the adviser the public comments with their adoption and the earlier round's opinion", async () => {
    const title = `校外培训机构管理办法（复审${uniqueSuffix()}）`;
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
    s = await step('drafter.edu', id, 'comment-window', {});
    const comment = await stack.http.request(
      'POST',
      `/api/public/comment-windows/${s.commentWindow!.windowId}/comments`,
      { body: { content: '建议明确保证金的退还时限。', name: '李先生', contact: '13900000000' } },
    );
    expect(comment.status).toBe(201);
    await eventually(async () => expect((await live(id)).commentWindow!.closed).toBe(true), 30000);
    const [commentId] = (await live(id)).commentWindow!.commentIds;
    await step('drafter.edu', id, 'answer-comment', {
      commentId,
      answer: 'PARTLY_ADOPTED',
      reason: '退还时限由配套细则规定',
    });
    await step('drafter.edu', id, 'complete-public-comment', { note: '已逐条答复' });
    await step('drafter.edu', id, 'submit-for-review', { note: '经审核合法', expertise: ['教育'] });
    s = await step('officer.zhang', id, 'materials-check', { complete: true, note: '齐全' });
    expect(s.stage).toBe('LEGALITY_REVIEW');
    const first = (await tasks(id)).find((t) => t.id === s.openTaskId)!;
    const firstReviewer = await user(first.assigneeUserId);
    // Round 1 finds the draft unlawful; the department revises it and submits it again.
    await eventually(async () => {
      await step(firstReviewer.username, id, 'legality-opinion', {
        conclusion: 'UNLAWFUL',
        reasons: '第五条设定保证金无上位法依据',
        reviewedSha256: (await live(id)).documents!.DRAFT.sha256,
      });
    });
    await upload(id, 'DRAFT', `${title}\n第一条 为规范校外培训机构，制定本办法。\n第五条 资金监管依照有关规定执行。\n`);
    s = await step('drafter.edu', id, 'resubmit', { adoptedAll: true });
    expect(s.stage).toBe('LEGALITY_REVIEW');
    const second = (await tasks(id)).find((t) => t.stage === 'LEGALITY_REVIEW' && t.status === 'OPEN')!;
    const reviewer = await user(second.assigneeUserId);

    const w = await openPage(browser, base);
    const { page } = w;
    await signIn(page, reviewer.username);
    await page.goto('/inbox');
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(new RegExp(`/procedures/${id}`));
    await page.getByTestId('version-label').filter({ hasText: '草案 第2稿' }).waitFor();

    const adoption = page.getByTestId('adoption-table');
    const row = adoption.getByRole('row', { name: /建议明确保证金的退还时限。/ });
    await row.filter({ hasText: '部分采纳' }).filter({ hasText: '退还时限由配套细则规定' }).waitFor();
    const counts = await page.getByTestId('adoption-counts').textContent();
    expect(counts).toContain('共 1 条意见');
    expect(counts).toContain('部分采纳 1 条');
    expect(counts).toContain('不予采纳 0 条');
    // The reviewer reads what was said, not who said it.
    await expect(adoption.textContent()).resolves.not.toMatch(/李先生|13900000000/);

    const opinion = page.getByTestId('earlier-opinions').getByRole('row', { name: /第1轮合法性审核/ });
    await opinion.waitFor();
    const text = await opinion.textContent();
    expect(text).toContain('不合法');
    expect(text).toContain('第五条设定保证金无上位法依据');
    expect(text).toContain(firstReviewer.display_name);
    expect(text).toContain('草案 第1稿');
    expect(text).not.toContain('现行稿');
    await checkPage(w, 'review-materials');
    await w.context.close();
  });

  it('lets an adviser delegate the drafting of an opinion, the delegate draft it and the adviser countersign it', async () => {
    const title = `学生资助管理办法（委托${uniqueSuffix()}）`;
    const { id, taskId, adviser } = await withAdviserOpinionTask(title);
    const delegateName = ['adviser.li', 'adviser.chen', 'adviser.zhao'].find((u) => u !== adviser)!;
    const [delegate] = await stack.db.query<{ id: string; display_name: string }[]>(
      'SELECT id, display_name FROM app_user WHERE username = $1',
      [delegateName],
    );

    const holder = await openPage(browser, base);
    await signIn(holder.page, adviser);
    await holder.page.goto(`/procedures/${id}?task=${taskId}`);
    await holder.page.getByRole('button', { name: '委托起草' }).click();
    // A delegation without a reason is refused in plain words, before anything is sent.
    await holder.page.getByRole('button', { name: '确认委托' }).click();
    await holder.page.getByText('请选择法律顾问').waitFor();
    await holder.page.getByText('请填写委托理由').waitFor();
    await chooseOption(holder.page, holder.page, '委托给', new RegExp(`^${delegate.display_name}（`), {
      search: delegate.display_name,
    });
    await holder.page.getByLabel('委托理由').fill('该领域由同事先行起草意见');
    await holder.page.getByRole('button', { name: '确认委托' }).click();
    await holder.page.getByTestId('delegation-status').filter({ hasText: delegate.display_name }).waitFor();
    const [row] = await stack.db.query<{ delegate_user_id: string }[]>(
      'SELECT delegate_user_id FROM task WHERE id = $1',
      [taskId],
    );
    expect(row.delegate_user_id).toBe(delegate.id);

    const drafting = await openPage(browser, base);
    const { page } = drafting;
    await signIn(page, delegateName);
    await page.goto('/inbox');
    const inboxRow = page.locator('tr', { has: page.getByRole('link', { name: title }) });
    await inboxRow.filter({ hasText: '委托我起草' }).waitFor();
    await inboxRow.getByRole('link', { name: title }).click();
    const form = page.getByTestId('delegate-draft');
    await form.waitFor();
    await form.getByRole('radio', { name: '应当予以修改' }).check();
    await form.getByRole('button', { name: '提交意见草稿' }).click();
    await form.getByText('结论为不合法或应当修改时必须写明理由').waitFor();
    await form.getByLabel('理由').fill('第一条应写明上位法的名称和条款。');
    await form.getByRole('button', { name: '提交意见草稿' }).click();
    await page.getByTestId('draft-submitted').waitFor();
    await form.getByText('结论为不合法或应当修改时必须写明理由').waitFor({ state: 'detached' });
    await checkPage(drafting, 'delegate-draft');
    await drafting.context.close();

    await holder.page.reload();
    const draft = holder.page.getByTestId('draft-opinion');
    await draft.filter({ hasText: '第一条应写明上位法的名称和条款。' }).filter({ hasText: '应当予以修改' }).waitFor();
    await checkPage(holder, 'countersign');
    await draft.getByRole('button', { name: /会签/ }).click();
    await holder.page.getByTestId('sign-result').filter({ hasText: '已会签' }).waitFor();
    await holder.page
      .getByTestId('ledger')
      .getByRole('row', { name: /第一条应写明上位法的名称和条款。/ })
      .filter({ hasText: `会签：本意见由 ${delegate.display_name} 起草，经本人审核签署` })
      .waitFor();
    const ledger = await stack.db.query<{ decision: string; opinion: string }[]>(
      "SELECT decision, opinion FROM ledger_entry WHERE procedure_id = $1 AND stage = 'DRAFTING' ORDER BY seq",
      [id],
    );
    // The drafter's question is in the ledger before the opinion that answers it.
    expect(ledger).toEqual([
      { decision: 'ADVISER_OPINION_REQUESTED', opinion: expect.stringContaining('向法律顾问提出的问题：') },
      {
        decision: 'MUST_AMEND',
        opinion: `第一条应写明上位法的名称和条款。\n（会签：本意见由 ${delegate.display_name} 起草，经本人审核签署）`,
      },
    ]);
    expectNoConsoleErrors(holder);
    await holder.context.close();
  });

  it('shows the inbox in English after the switch, with the countdown in working days', async () => {
    const title = `课后服务管理办法（English ${uniqueSuffix()}）`;
    const { taskId, adviser } = await withAdviserOpinionTask(title);
    // Due in eight days: a countdown the calendar counts in working days.
    await stack.db.query(`UPDATE task SET due_at = now() + interval '8 days' WHERE id = $1`, [taskId]);
    const w = await openPage(browser, base);
    const { page } = w;
    await signIn(page, adviser);
    await page.goto('/inbox');
    const row = page.locator('tr', { has: page.getByRole('link', { name: title }) });
    await row.filter({ hasText: /剩余 \d+ 个工作日/ }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: 'Task' }).waitFor();
    await page.getByRole('columnheader', { name: 'Due' }).waitFor();
    await page.getByText('Filters').waitFor();
    await row.filter({ hasText: /Due in \d+ working days?/ }).waitFor();
    await expect(page.getByTestId('count-open').textContent()).resolves.toMatch(/^Open \d+$/);
    const header = await page.locator('thead').first().textContent();
    expect(header).not.toMatch(/[\u4e00-\u9fff]/);
    await checkPage(w, 'inbox-en');

    // The choice is kept, and the review view follows it.
    await page.getByRole('link', { name: title }).first().click();
    await page.getByText('Review materials').waitFor();
    await page.getByText('Earlier opinions').waitFor();
    await page.getByRole('button', { name: 'Delegate drafting' }).waitFor();
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('Drafting');
    expectNoConsoleErrors(w);
    await w.context.close();
  });
});
