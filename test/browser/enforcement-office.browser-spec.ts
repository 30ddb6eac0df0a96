import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { CHECKLIST_ITEMS, CONTRACT_CHECKLIST } from '@lawgate/domain';
import { checkPage, expectNoConsoleErrors, launchChromium, openPage, signIn } from '../support/browser';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { holderAmong } from '../support/inbox';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
}
interface Rate {
  total: number;
  count: number;
  rate: number | null;
}
interface TypeFigures {
  type: string;
  volume: number;
  passed: Rate;
  returned: Rate;
  overdue: number;
}

const REVIEWERS = ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang'];
const percent = (r: Rate) => (r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`);

/**
 * The legal-affairs office's everyday work with enforcement decisions and contracts in Debian's Chromium: a contracting
 * unit submits a contract from its start page and the routed reviewer finds it in the inbox; the console shows the
 * review statistics the API computes, a seeded department's row included; the public reads a disclosed enforcement
 * decision without signing in, and no longer once its disclosure is withdrawn.
 */
describe('enforcement decisions and contracts in the office, in a browser', () => {
  const stack = useStack('browser-enf-office');
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
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const holderOf = async (taskId: string | null) => {
    const holder = await holderAmong(stack.http, REVIEWERS, taskId);
    if (!holder) throw new Error(`nobody holds ${taskId}`);
    return holder;
  };

  it('starts a contract from its start page with its file, and the routed reviewer finds it in the inbox', async () => {
    const title = `检验检测服务委托合同（${uniqueSuffix()}）`;
    const text = '检验检测服务委托合同（草案）\n第一条 服务内容……\n第九条 争议由人民法院管辖。\n';
    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'drafter.mkt');
    // The start wizard sends a government contract to its own start page.
    await page.goto('/drafting');
    await page.getByRole('button', { name: '启动规范性文件程序' }).click();
    await page.getByRole('radio', { name: /政府合同合法性审查/ }).check();
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.waitForURL(/\/drafting\/contract-reviews\/new/);
    const form = page.getByRole('form', { name: '合同送审' });
    await form.waitFor();
    await form.getByLabel('合同编号').fill(`WEB-${uniqueSuffix()}`);
    await form.getByLabel('合同名称').fill(title);
    await form.getByRole('combobox', { name: '合同类型' }).click();
    await page.locator('.ant-select-item-option[title="委托研究、咨询、服务"]').click();
    await form.getByRole('combobox', { name: '订立依据' }).click();
    await page.locator('.ant-select-item-option[title="政府采购"]').click();
    await form.getByLabel('合同相对人').fill('某检测有限公司');
    await form.getByLabel('相对人为中小企业').check();
    await form.getByLabel('合同金额（元）').fill('800000');
    await form.getByLabel('期限起').fill('2026-04-01');
    await form.getByLabel('期限止').fill('2027-03-31');
    await form.getByLabel('合同草案文件').setInputFiles({
      name: '委托合同.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(text, 'utf8'),
    });
    await checkPage(w, 'contract-start');
    await form.getByRole('button', { name: '提交审查' }).click();
    await page.waitForURL(/\/procedures\/[0-9a-f-]{36}/);
    const id = /procedures\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByTestId('current-stage').filter({ hasText: '合法性审查' }).waitFor();
    expectNoConsoleErrors(w);
    await w.context.close();

    // What the page submitted: the facts as entered, and the file as the draft reviewed.
    const detail = await api<{
      live: Snapshot & { facts: Record<string, unknown> };
    }>('officer.zhang', 'GET', `/api/procedures/${id}`);
    expect(detail.live.facts).toMatchObject({
      kind: 'COMMISSIONED_SERVICES',
      basis: 'PROCUREMENT',
      counterpart: '某检测有限公司',
      counterpartSme: true,
      administrativeAgreement: false,
      amountYuan: 800000,
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
    });
    expect(detail.live.documents.DRAFT.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    const reviewer = await holderOf(detail.live.openTaskId);

    const r = await openPage(browser, stack.http.baseUrl);
    await signIn(r.page, reviewer);
    await r.page.goto('/inbox');
    await r.page.getByRole('link', { name: title }).first().waitFor();
    await r.page.getByRole('link', { name: title }).first().click();
    await r.page.waitForURL(new RegExp(`/procedures/${id}`));
    await r.page.getByRole('form', { name: '合同合法性审查意见' }).waitFor();
    expectNoConsoleErrors(r);
    await r.context.close();
  });

  it("shows the review statistics the API computes in the console, a seeded department's row included", async () => {
    const suffix = uniqueSuffix()
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(-8);
    const units = await api<{ id: string; code: string }[]>('admin', 'GET', '/api/org/units');
    const dept = await api<{ id: string }>('admin', 'POST', '/api/admin/units', {
      code: `JT-WB${suffix}`,
      name: `统计展示局${suffix}`,
      kind: 'DEPARTMENT',
      parentId: units.find((u) => u.code === 'JT-GOV')!.id,
      reason: '统计展示',
    });
    const drafter = `wb.${suffix.toLowerCase()}`;
    await api('admin', 'POST', '/api/admin/users', {
      username: drafter,
      displayName: '统计展示承办人',
      unitId: dept.id,
      roles: ['DRAFTER'],
      password: 'lawgate-demo',
      reason: '统计展示',
    });
    const contract = () =>
      api<Snapshot>(drafter, 'POST', '/api/procedures/contract-reviews', {
        contractNumber: `WB-${uniqueSuffix()}`,
        title: '统计展示合同',
        kind: 'COMMISSIONED_SERVICES',
        administrativeAgreement: false,
        basis: 'APPROVAL',
        counterpart: '某咨询有限公司',
        counterpartSme: false,
        amountYuan: 900000,
        termStart: '2026-04-01',
        termEnd: '2027-03-31',
      });
    // One contract passed, one waiting overdue for its submission.
    const passed = await contract();
    const draft = await api<Snapshot>(
      drafter,
      'POST',
      `/api/procedures/${passed.procedureId}/documents/DRAFT`,
      undefined,
      '合同草案',
    );
    const submitted = await api<Snapshot>(drafter, 'POST', `/api/procedures/${passed.procedureId}/steps/submit`, {
      note: '送审',
    });
    await api(await holderOf(submitted.openTaskId), 'POST', `/api/procedures/${passed.procedureId}/steps/opinion`, {
      conclusion: 'PASS',
      reasons: '条款合法',
      checklist: CONTRACT_CHECKLIST.map((item) => ({ item, ok: true, note: '符合' })),
      reviewedSha256: draft.documents.DRAFT.sha256,
    });
    const waiting = await contract();
    await stack.db.query(`UPDATE task SET due_at = now() - interval '1 day' WHERE id = $1`, [waiting.openTaskId]);

    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    // The figures as the console itself received them from the API (other work's tasks may fall overdue meanwhile).
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/admin/review-statistics'),
      page.goto('/console'),
    ]);
    const figures = (await answer.json()) as { types: TypeFigures[] };
    expect(figures.types.map((t) => t.type)).toEqual(['ENFORCEMENT_REVIEW', 'CONTRACT_REVIEW']);
    const panel = page.getByTestId('review-statistics');
    await panel.waitFor();
    for (const type of figures.types) {
      const card = panel.getByTestId(`review-statistics-${type.type}`);
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      for (const shown of [
        // antd writes a number with its group separator (1,234).
        `送审量${type.volume.toLocaleString('en-US')}`,
        `通过率${percent(type.passed)} (${type.passed.count}/${type.passed.total})`,
        `退回率${percent(type.returned)} (${type.returned.count}/${type.returned.total})`,
        `现逾期任务${type.overdue.toLocaleString('en-US')}`,
      ]) {
        expect(text).toContain(shown);
      }
    }
    const row = panel
      .getByTestId('review-statistics-CONTRACT_REVIEW')
      .getByRole('row')
      .filter({ hasText: `统计展示局${suffix}` });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      `统计展示局${suffix}`,
      '2',
      '100% (1/1)',
      '0% (0/1)',
      '1',
    ]);
    await checkPage(w, 'console-review-statistics');
    await w.context.close();
  });

  it('shows a disclosed enforcement decision to the public without signing in, and not after its withdrawal', async () => {
    const title = `某商贸公司销售不合格电器案（公开${uniqueSuffix()}）`;
    const s = await api<Snapshot>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
      caseNumber: `WEB-${uniqueSuffix()}`,
      title,
      decisionKind: 'PENALTY',
      measure: 'FINE',
      field: '市场监管',
      amountYuan: 200000,
      statutoryGrounds: ['MAJOR_PUBLIC_INTEREST'],
      complexOrSerious: false,
      caseHandlers: ['drafter.mkt', 'inspector.mkt'],
    });
    const id = s.procedureId;
    const step = (user: string, name: string, body: unknown = {}) =>
      api<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, body);
    const draft = await api<Snapshot>(
      'drafter.mkt',
      'POST',
      `/api/procedures/${id}/documents/DRAFT`,
      undefined,
      '处罚决定书（草稿）',
    );
    const evidence = await api<Snapshot>(
      'drafter.mkt',
      'POST',
      `/api/procedures/${id}/documents/EVIDENCE`,
      undefined,
      '检查笔录',
    );
    await step('drafter.mkt', 'submit-case', {
      materials: {
        facts: '经查属实',
        evidence: [{ title: '检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 }],
        provisions: ['《产品质量法》第四十九条'],
        discretionStandard: '裁量基准',
        proposedDecision: '罚款二十万元',
        hearingHeld: false,
      },
    });
    await step('officer.zhang', 'accept-materials');
    await step('officer.zhang', 'conclusion', {
      conclusion: 'AGREE',
      reasons: '同意',
      checklist: CHECKLIST_ITEMS.map((item) => ({ item, ok: true, note: '符合' })),
      reviewedSha256: draft.documents.DRAFT.sha256,
      noConflictDeclared: true,
    });
    const number = `坛市监罚〔2026〕${uniqueSuffix()}号`;
    await step('leader.zhou', 'decision', {
      outcome: 'PENALTY',
      decisionNumber: number,
      summary: '罚款二十万元',
      decidedSha256: draft.documents.DRAFT.sha256,
    });
    await step('drafter.mkt', 'disclosure', { channel: '金坛区行政执法公示平台', reference: `GS-${id.slice(0, 8)}` });

    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await page.goto('/public');
    await page.getByRole('link', { name: '重大执法决定公开' }).click();
    await page.waitForURL(/\/public\/enforcement-disclosures$/);
    const row = page.getByTestId('enforcement-disclosures').getByRole('row').filter({ hasText: title });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 4)).toEqual([title, '金坛区市场监督管理局', '行政处罚', `${number}：罚款二十万元`]);
    expect(cells[5]).toBe(`金坛区行政执法公示平台：GS-${id.slice(0, 8)}`);
    await checkPage(w, 'public-enforcement-disclosures');

    await step('drafter.mkt', 'report-revocation', { reason: '复议机关撤销原处罚决定' });
    await step('drafter.mkt', 'withdraw-disclosure', { reference: `CH-${id.slice(0, 8)}` });
    // The list as the page fetched it after the reload, not before its answer came.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/public/enforcement-disclosures'),
      page.reload(),
    ]);
    const listed = (await answer.json()) as { procedureId: string; title: string }[];
    expect(listed.map((d) => d.procedureId)).not.toContain(id);
    const table = page.getByTestId('enforcement-disclosures');
    await (
      listed.length
        ? table.getByRole('row').filter({ hasText: listed[0].title }).first()
        : table.getByText('暂无公开的执法决定')
    ).waitFor();
    await expect(page.getByText(title).count()).resolves.toBe(0);
    expectNoConsoleErrors(w);
    await w.context.close();
  });
});
