import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { recordCounts, validApplication } from '../support/records';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
}
interface Finding {
  key: string;
  ruleId: string;
  words: string;
  clause: { index: number; text: string } | null;
  basis: { instrument: string; article: string }[];
  lawList: { commit: string; date: string } | null;
}
interface PreReview {
  versionId: string;
  sha256: string;
  findings: Finding[];
  disabledRules: string[];
  lawList: { repository: string; date: string };
}

const DRAFT = [
  '第一条 为规范本区生活垃圾分类，根据《中华人民共和国固体废物污染环境防治法》，结合本区实际，制定本办法。',
  '第二条 对年处理餐厨废弃物达到一万吨以上的企业，按照每吨三十元的标准给予运营补贴。',
  '第三条 对未按规定分类投放生活垃圾的个人，由城管部门处五十元以上二百元以下罚款。',
  '第四条 各部门不得向企业收取任何形式的保证金。',
  '第五条 本办法自2027年3月1日起施行，有效期5年。',
].join('\n');

/**
 * The pre-review of a draft in the legality review: the reviewer reads the findings on the exact version under review,
 * may not sign while one is left undecided, and the ledger entry of the opinion records each finding with the
 * decision and its reason; an administrator switches a rule off with a reason that is audited.
 */
describe('pre-review of a draft in the legality review', () => {
  let http: ApiClient;
  let db: DataSource;
  let id: string;
  let s: Snapshot;
  let reviewer: string;
  const stack = useStack('e2e-pre-review', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  beforeAll(() => {
    ({ http, db } = stack);
  });
  afterAll(async () => {
    await http.as('admin', 'PUT', '/api/admin/pre-review/rules/OBLIGATION_WITHOUT_BASIS', {
      body: { enabled: true, reason: '测试结束，恢复规则' },
    });
  });

  const ok = (res: HttpResult<Snapshot>): Snapshot => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    s = res.body;
    return s;
  };
  /** A step at `POST /api/procedures/:id/steps/:step`, as `user`; a task's step closes the procedure's open task. */
  const step = (user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const drafter = (name: string, body: unknown = {}) => step('drafter.edu', name, body);
  const upload = (kind: string, text: string) =>
    http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}/documents/${kind}`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });
  const preReview = async (user: string) => {
    const res = await http.as<PreReview>(user, 'GET', `/api/procedures/${id}/pre-review`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('brings a draft to the legality review', async () => {
    ok(
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '金坛区生活垃圾分类管理办法', application: validApplication },
      }),
    );
    id = s.procedureId;
    ok(await step('officer.zhang', 'project-approval', { decision: 'APPROVED', opinion: '同意立项' }));
    ok(await upload('DRAFT', DRAFT));
    await upload('DRAFTING_EXPLANATION', '起草说明');
    await upload('BASIS_LIST', '制定依据');
    ok(await drafter('complete-drafting', { note: '完成' }));
    ok(await drafter('fair-competition-review', { conclusion: 'COMPLIANT', summary: '未含排除、限制竞争内容' }));
    ok(
      await http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/steps/market-regulation-review`, {
        body: { conclusion: 'COMPLIANT', summary: '未含排除、限制竞争内容' },
      }),
    );
    ok(await drafter('comment-window', {}));
    await eventually(async () => {
      const live = (
        await http.as<{ live: { commentWindow: { closed: boolean } } }>('drafter.edu', 'GET', `/api/procedures/${id}`)
      ).body.live;
      expect(live.commentWindow.closed).toBe(true);
    });
    ok(await drafter('complete-public-comment', { note: '无意见' }));
    await upload('OWN_LEGALITY_OPINION', '经审核，合法。');
    ok(await drafter('submit-for-review', { note: '经审核合法', expertise: ['教育'] }));
    ok(await step('officer.zhang', 'materials-check', { complete: true, note: '齐全' }));
    expect(s.stage).toBe('LEGALITY_REVIEW');
    const review = (
      await http.as<{ tasks: { id: string; assigneeUserId: string | null }[] }>(
        'officer.zhang',
        'GET',
        `/api/procedures/${id}`,
      )
    ).body.tasks.find((t) => t.id === s.openTaskId)!;
    reviewer = (
      await db.query<{ username: string }[]>('SELECT username FROM app_user WHERE id = $1', [review.assigneeUserId])
    )[0].username;
  });

  it('shows the reviewer each finding with its clause, rule, basis and the dated list of laws; hard cases stay clean', async () => {
    const r = await preReview(reviewer);
    expect(r.sha256).toBe(s.documents!.DRAFT.sha256);
    expect(r.lawList.repository).toContain('LawRefBook');
    const fine = r.findings.find((f) => f.ruleId === 'PENALTY_WITHOUT_BASIS')!;
    expect(fine.clause!.text).toContain('第三条');
    expect(fine.words).toBe('罚款');
    expect(fine.basis.map((b) => b.article)).toContain('第十六条');
    expect(fine.lawList!.date).toBe(r.lawList.date);
    // the subsidy per tonne (第二条), the fee in a prohibition (第四条) and the basis, date and validity are not flagged
    expect(r.findings.filter((f) => f.clause && /第二条|第四条/.test(f.clause.text))).toEqual([]);
    expect(r.findings.filter((f) => f.clause === null)).toEqual([]);
  });

  it('refuses an opinion that leaves a finding undecided or names one that does not exist, with nothing changed', async () => {
    const r = await preReview(reviewer);
    const counts = await recordCounts(db);
    const sha = s.documents!.DRAFT.sha256;
    const missing = await step(reviewer, 'legality-opinion', {
      conclusion: 'MUST_AMEND',
      reasons: '第三条须修改',
      reviewedSha256: sha,
      preReviewDecisions: [],
    });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain(r.findings[0].key);
    const unknown = await step(reviewer, 'legality-opinion', {
      conclusion: 'MUST_AMEND',
      reasons: '第三条须修改',
      reviewedSha256: sha,
      preReviewDecisions: [
        ...r.findings.map((f) => ({ key: f.key, decision: 'CONFIRMED', reason: '属实' })),
        { key: 'NO_SUCH:1:x', decision: 'DISMISSED', reason: '无' },
      ],
    });
    expect(unknown.status).toBe(400);
    const noReason = await step(reviewer, 'legality-opinion', {
      conclusion: 'MUST_AMEND',
      reasons: '第三条须修改',
      reviewedSha256: sha,
      preReviewDecisions: r.findings.map((f) => ({ key: f.key, decision: 'DISMISSED', reason: '' })),
    });
    expect(noReason.status).toBe(400);
    expect(await recordCounts(db)).toEqual(counts);
  });

  it('writes each finding, its decision and reason into the ledger entry of the opinion', async () => {
    const r = await preReview(reviewer);
    const decisions = r.findings.map((f) => ({
      key: f.key,
      decision: f.ruleId === 'PENALTY_WITHOUT_BASIS' ? 'CONFIRMED' : 'DISMISSED',
      reason: f.ruleId === 'PENALTY_WITHOUT_BASIS' ? '规范性文件不得设定罚款' : '已核对，不构成问题',
    }));
    await eventually(async () => {
      const res = await step(reviewer, 'legality-opinion', {
        conclusion: 'MUST_AMEND',
        reasons: '第三条设定罚款，应删除',
        reviewedSha256: s.documents!.DRAFT.sha256,
        preReviewDecisions: decisions,
      });
      expect(res.status).toBe(200);
      s = res.body;
    });
    expect(s.stage).toBe('REVISION');
    const [entry] = await db.query<{ opinion: string; document_sha256: string }[]>(
      "SELECT opinion, document_sha256 FROM ledger_entry WHERE procedure_id = $1 AND decision = 'MUST_AMEND'",
      [id],
    );
    expect(entry.document_sha256).toBe(r.sha256);
    expect(entry.opinion).toContain('第三条设定罚款，应删除');
    expect(entry.opinion).toContain('【自动预审发现及审核人意见】');
    expect(entry.opinion).toContain('[确认] 设定行政处罚但无相应位阶的依据（PENALTY_WITHOUT_BASIS）');
    expect(entry.opinion).toContain('规范性文件不得设定罚款');
  });

  it('lets an administrator switch a rule off with an audited reason, and only an administrator', async () => {
    const officer = await http.as('officer.zhang', 'PUT', '/api/admin/pre-review/rules/OBLIGATION_WITHOUT_BASIS', {
      body: { enabled: false, reason: '误报较多' },
    });
    expect(officer.status).toBe(403);
    const bad = await http.as('admin', 'PUT', '/api/admin/pre-review/rules/NO_SUCH_RULE', {
      body: { enabled: false, reason: '误报较多' },
    });
    expect(bad.status).toBe(404);
    const off = await http.as<{ rules: { id: string; enabled: boolean; reason: string | null }[] }>(
      'admin',
      'PUT',
      '/api/admin/pre-review/rules/OBLIGATION_WITHOUT_BASIS',
      { body: { enabled: false, reason: '误报较多，待规则修订后恢复' } },
    );
    expect(off.status).toBe(200);
    expect(off.body.rules.find((r) => r.id === 'OBLIGATION_WITHOUT_BASIS')).toEqual(
      expect.objectContaining({ enabled: false, reason: '误报较多，待规则修订后恢复' }),
    );
    const audit = await db.query<{ reason: string }[]>(
      "SELECT reason FROM audit_entry WHERE action = 'pre-review.rule.disabled' AND details->>'ruleId' = 'OBLIGATION_WITHOUT_BASIS' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0].reason).toBe('误报较多，待规则修订后恢复');
    expect((await preReview(reviewer)).disabledRules).toContain('OBLIGATION_WITHOUT_BASIS');
  });
});
