import { eventually } from '../support/eventually';
import { checkPage, chooseOption, expectNoConsoleErrors, openPage, signIn, useChromium } from '../support/browser';
import { procedureSteps } from '../support/procedure-steps';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/**
 * The web app's journeys of a major decision and of the legal-affairs office's console in Debian's Chromium, against
 * the real API (serving the built app), worker, Temporal and PostgreSQL, with the demonstration periods: a decision
 * proposed and launched, an overdue review reassigned, the decision catalog published and a clean-up started. A
 * normative document's journeys: `journeys`.
 */
describe('the web app in a browser: a major decision and the office console', () => {
  const stack = useStack('browser', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  const chromium = useChromium();
  let base: string;

  beforeAll(() => {
    base = stack.http.baseUrl;
  });

  const { withAdviserOpinionTask } = procedureSteps(stack);

  it('lets a drafter propose a major decision and a leader launch it from the step form', async () => {
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'drafter.edu');
    await page.goto('/drafting');
    await page.getByRole('button', { name: '启动规范性文件程序' }).click();
    await page.getByRole('radio', { name: /^重大行政决策/ }).check();
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.waitForURL(/\/drafting\/major-decisions\/new/);
    const code = uniqueSuffix().slice(0, 40);
    const title = `城区公共停车设施建设规划（${code}）`;
    await page.getByLabel('事项编号', { exact: true }).fill(code);
    await page.getByLabel('事项名称', { exact: true }).fill(title);
    await chooseOption(page, page, '提出主体', '政府工作部门提出');
    await page.getByLabel('拟解决的问题').fill('城区停车难');
    await page.getByLabel('决策理由和依据').fill('《城乡规划法》');
    await page.getByLabel('初步解决方案').fill('新建公共停车场');
    await page.getByLabel('必要性和可行性').fill('群众反映强烈，财力可以承受');
    // An excluded kind is refused with the article, and nothing starts.
    await chooseOption(page, page, '事项类别', '政府立法决策（不适用本程序）');
    await page.getByLabel('认定理由').fill('规划');
    await page.getByRole('button', { name: '提出决策事项' }).click();
    await page.getByRole('alert').filter({ hasText: '第三条第二款' }).waitFor();
    await checkPage(w, 'major-decision-proposal', [/status of 422/]);
    expect(page.url()).toMatch(/major-decisions\/new/);
    await chooseOption(page, page, '事项类别', '制定经济和社会发展等方面的重要规划');
    await page.getByRole('button', { name: '提出决策事项' }).click();
    await page.waitForURL(/\/procedures\/[0-9a-f-]{36}/);
    const id = /procedures\/([0-9a-f-]{36})/.exec(page.url())![1];
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('决策启动');
    await w.context.close();

    const l = await openPage(chromium.browser, base);
    await signIn(l.page, 'leader.zhou');
    await l.page.goto(`/procedures/${id}`);
    const launch = l.page.getByRole('form', { name: '决策启动' });
    await launch.getByRole('switch', { name: '同意启动' }).click();
    await chooseOption(l.page, launch, '承办单位', '金坛区教育局（JT-EDU）', { search: '金坛区教育局' });
    await launch.getByLabel('理由').fill('列入年度决策事项目录');
    await checkPage(l, 'major-decision-launch');
    await launch.getByRole('button', { name: /提\s*交/ }).click();
    await expect(l.page.getByTestId('current-stage').filter({ hasText: '起草' }).textContent()).resolves.toBe('起草');
    const ledger = await stack.db.query<{ decision: string }[]>(
      'SELECT decision FROM ledger_entry WHERE procedure_id = $1 ORDER BY seq',
      [id],
    );
    expect(ledger.map((e) => e.decision)).toContain('LAUNCHED');
    expectNoConsoleErrors(l);
    await l.context.close();

    // The undertaking unit uploads its draft and submits it as the option, the draft's SHA-256 filled in.
    const d = await openPage(chromium.browser, base);
    await signIn(d.page, 'drafter.edu');
    await d.page.goto(`/procedures/${id}`);
    await d.page.getByLabel('或直接填写文本').fill('城区公共停车设施建设规划（草案）\n第一条 新建公共停车场三处。\n');
    await d.page.getByRole('button', { name: /上\s*传/ }).click();
    await d.page.getByText('现为第1稿，上传后为第2稿').waitFor();
    const options = d.page.getByRole('form', { name: '提交决策草案' });
    await expect(options.getByLabel('决策方案').inputValue()).resolves.toMatch(/"sha256":"[0-9a-f]{64}"/);
    await options.getByLabel('法律法规依据清单').fill('《城乡规划法》《道路交通安全法》');
    await options.getByRole('button', { name: /提\s*交/ }).click();
    await expect(d.page.getByTestId('current-stage').filter({ hasText: '部门协商' }).textContent()).resolves.toBe(
      '部门协商',
    );
    await checkPage(d, 'major-decision-drafting');
    await d.context.close();
  });

  it('lets the legal-affairs office find an overdue review and reassign it with a reason', async () => {
    const title = `学生资助办法（逾期${uniqueSuffix()}）`;
    const { id, taskId, adviser } = await withAdviserOpinionTask(title);
    // An operator's clock: the task's due time has passed.
    await stack.db.query(`UPDATE task SET due_at = now() - interval '2 days' WHERE id = $1`, [taskId]);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto('/console');
    // The office's figures are on the same page as the overdue work.
    await page.getByText('按时办结率').first().waitFor();
    await page.getByText('合法性审核退回率').first().waitFor();
    await page.getByText('公众意见采纳率').first().waitFor();
    await page.getByRole('searchbox', { name: '筛选逾期工作' }).fill(title);
    const row = page.locator('tr.lg-row-overdue', { has: page.getByRole('link', { name: title }) }).first();
    await row.filter({ hasText: '已逾期' }).waitFor();
    await checkPage(w, 'console');
    await row.getByRole('button', { name: /改\s*派/ }).click();
    // Any other adviser will do: the first one offered.
    await page.getByRole('combobox', { name: '改派给' }).click();
    const offered = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    const another = (await offered.first().getAttribute('title')) ?? '';
    await page.keyboard.press('Escape');
    await chooseOption(page, page, '改派给', another);
    await page.getByLabel('改派理由').fill('原承办人出差，改由其他法律顾问办理');
    await page.getByRole('button', { name: /确认改派/ }).click();
    await eventually(async () => {
      const rows = await stack.db.query<{ username: string }[]>(
        'SELECT u.username FROM task t JOIN app_user u ON u.id = t.assignee_user_id WHERE t.id = $1',
        [taskId],
      );
      expect(rows[0].username).not.toBe(adviser);
    });
    const audit = await stack.db.query<{ reason: string }[]>(
      `SELECT reason FROM audit_entry WHERE procedure_id = $1 AND action LIKE '%reassign%'`,
      [id],
    );
    expect(audit.map((a) => a.reason)).toContain('原承办人出差，改由其他法律顾问办理');
    // The procedure's own page: its ledger, and the chain verified from there.
    await page.goto(`/procedures/${id}`);
    await page.getByTestId('ledger').getByRole('button', { name: '校验签署链' }).click();
    await page
      .getByTestId('ledger-verify')
      .filter({ hasText: /^签署链完整：已校验 \d+ 条记录。$/ })
      .waitFor();
    expectNoConsoleErrors(w);
    await w.context.close();
  });

  it('lets the legal-affairs office publish a decision catalog and start a clean-up campaign from the console', async () => {
    const year = 2040 + Math.floor(Math.random() * 50);
    const w = await openPage(chromium.browser, base);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto('/console');
    await page.getByRole('tab', { name: '决策事项目录' }).click();
    await page.getByLabel('年度').fill(String(year));
    await page.getByText(`${year} 年度目录尚未公布。`).waitFor();
    const openDraft = page.getByRole('form', { name: '新建目录草稿' });
    await openDraft.getByLabel('目录名称').fill(`${year}年度重大行政决策事项目录`);
    await openDraft.getByLabel('理由').fill('年度目录编制');
    await openDraft.getByRole('button', { name: /新建草稿/ }).click();
    const addItem = page.getByRole('form', { name: '增加目录事项' });
    await addItem.getByLabel('事项编号').fill('A-1');
    await addItem.getByLabel('事项名称').fill('城区公共停车设施建设规划');
    await chooseOption(page, addItem, '事项类别', '制定经济和社会发展等方面的重要规划');
    await addItem.getByLabel('事项说明').fill('编制城区公共停车设施建设规划');
    await addItem.getByLabel('列入理由').fill('涉及公众切身利益');
    await addItem.getByRole('button', { name: /增加事项/ }).click();
    await page.getByText('城区公共停车设施建设规划（制定经济和社会发展等方面的重要规划）').waitFor();
    // Publication waits for the Party committee's consent.
    const publish = page.getByRole('form', { name: '公布目录' });
    await expect(publish.getByRole('button', { name: /公布目录/ }).isDisabled()).resolves.toBe(true);
    // The office cannot record it: a leader does, naming the Party committee's meeting.
    await expect(page.getByRole('form', { name: '记录党委同意' }).count()).resolves.toBe(0);
    const l = await openPage(chromium.browser, base);
    await signIn(l.page, 'leader.zhou');
    await l.page.goto('/console');
    await l.page.getByRole('tab', { name: '决策事项目录' }).click();
    await l.page.getByLabel('年度').fill(String(year));
    const consent = l.page.getByRole('form', { name: '记录党委同意' });
    await consent.getByLabel('同意机关').fill('中共金坛区委');
    await consent.getByLabel('党委会议').fill('区委常委会2026年第12次会议');
    await consent.getByLabel('同意文件').fill('区委常委会会议纪要〔2026〕12号');
    await consent.getByRole('button', { name: /记录同意/ }).click();
    await l.page.getByText('中共金坛区委区委常委会2026年第12次会议（区委常委会会议纪要〔2026〕12号）').waitFor();
    expectNoConsoleErrors(l);
    await l.context.close();
    // The current year's list, asked for as the page opens, answers after the chosen year's (a slow moment): the
    // page keeps the chosen year's draft and its publish form. The answer is held until the chosen year's draft shows.
    const currentYear = `**/api/admin/catalog/${new Date().getFullYear()}/versions`;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = (): void => undefined;
    const held = new Promise<void>((resolve) => (asked = resolve));
    await page.route(
      currentYear,
      async (route) => {
        asked();
        await released;
        await route.continue();
      },
      { times: 1 },
    );
    await page.reload();
    await page.getByRole('tab', { name: '决策事项目录' }).click();
    await held;
    await page.getByLabel('年度').fill(String(year));
    await publish.getByLabel('公布说明').waitFor();
    const lateAnswer = page.waitForResponse(currentYear);
    release();
    await lateAnswer;
    // The late answer is read and rendered (or dropped) within a few of the page's own tasks after it arrives.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    await expect(publish.getByLabel('公布说明').count()).resolves.toBe(1);
    await publish.getByLabel('公布说明').fill('经区委同意，予以公布');
    await publish.getByRole('button', { name: /公布目录/ }).click();
    const item = page.getByRole('row', { name: /城区公共停车设施建设规划/ });
    await item.getByText('尚未启动').waitFor();
    await checkPage(w, 'console-catalog');

    await page.getByRole('tab', { name: '清理' }).click();
    const start = page.getByRole('form', { name: '启动清理' });
    await start.getByRole('button', { name: /启动清理/ }).click();
    await start.getByText('请填写清理名称').waitFor();
    const key = `browser-${uniqueSuffix()}`.slice(0, 60);
    await start.getByLabel('清理名称').fill('行政规范性文件集中清理');
    await start.getByLabel('编号（默认为当年）').fill(key);
    await start.getByRole('button', { name: /启动清理/ }).click();
    await page.getByRole('button', { name: `行政规范性文件集中清理（${key}）` }).waitFor();
    await page.getByText('清理进展：行政规范性文件集中清理').waitFor();
    await page
      .getByTestId('cleanup-decided')
      .filter({ hasText: /已作出决定 \d+ \/ \d+ 件/ })
      .waitFor();
    await checkPage(w, 'console-cleanup');

    // Routing rules change only with a reason, as a new version.
    await page.getByRole('tab', { name: '分派规则' }).click();
    const version = page.getByText(/^规则版本：\d+$/);
    const before = Number((await version.textContent())!.replace(/\D/g, ''));
    const rules = page.getByRole('form', { name: '分派规则' });
    await rules.getByRole('button', { name: /保存规则/ }).click();
    await rules.getByText('请填写变更理由（至少5个字）').waitFor();
    await rules.getByLabel('变更理由').fill('年度复核分派规则，维持现状');
    await rules.getByRole('button', { name: /保存规则/ }).click();
    await page.getByText(`规则版本：${before + 1}`).waitFor();

    // The deadline calculator shows the period's last day as the API counts it on the loaded calendar.
    await page.getByRole('tab', { name: '工作日历' }).click();
    await page.getByText(/^\d{4} 年节假日与调休上班日$/).waitFor();
    const calc = page.getByRole('form', { name: '期限计算' });
    await calc.getByLabel('起算日').fill('2026-09-25');
    await calc.getByLabel('起算日').press('Enter');
    await calc.getByRole('button', { name: /计\s*算/ }).click();
    const expected = await stack.http.as<{ lastDay: string }>(
      'officer.zhang',
      'GET',
      '/api/calendar/deadline?from=2026-09-25&amount=15&unit=WORKING_DAYS',
    );
    expect(expected.body.lastDay > '2026-10-16').toBe(true); // the National Day holiday is skipped
    await page
      .getByTestId('deadline-result')
      .filter({ hasText: `期限届满日：${expected.body.lastDay}` })
      .waitFor();
    await checkPage(w, 'console-calendar');
    await w.context.close();
  });
});
