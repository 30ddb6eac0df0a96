import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { recordCounts } from '../support/records';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { CHECKLIST_ITEMS } from '@lawgate/domain';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  overdue: boolean;
  documents: Record<string, { version: number; sha256: string }>;
  versions: { version: number }[];
  opinions: { caseVersion: number; conclusion: string }[];
  reviewClockStartedAt: string | null;
}
interface ErrorBody {
  code: string;
  message: string;
}

const checklist = (failed: Record<string, string> = {}) =>
  CHECKLIST_ITEMS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '符合' }));

/**
 * The legal review of a major enforcement decision through the API with the demonstration periods: the happy path to
 * disclosure and archive, each hard gate refused out of order naming its basis (with nothing changed), recusal of a
 * case handler, the qualification of penalty reviewers, a review that falls overdue and is escalated, and the rework
 * loop that keeps the earlier opinions.
 */
describe('the major enforcement decision review (重大执法决定法制审核) through the API', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-er', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  beforeAll(() => {
    ({ http, db } = stack);
  });

  const start = async (extra: Record<string, unknown> = {}) => {
    const res = await http.as<Snapshot & ErrorBody>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
      body: {
        caseNumber: `MKT-${uniqueSuffix()}`,
        title: '某商贸公司销售不合格电器案',
        decisionKind: 'PENALTY',
        measure: 'FINE',
        field: '市场监管',
        amountYuan: 200000,
        statutoryGrounds: [],
        complexOrSerious: false,
        caseHandlers: ['drafter.mkt', 'inspector.mkt'],
        ...extra,
      },
    });
    return res;
  };
  const live = async (id: string) =>
    (await http.as<{ live: Snapshot }>('officer.zhang', 'GET', `/api/procedures/${id}`)).body.live;
  const step = (id: string, user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot & ErrorBody>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const ok = (res: HttpResult<Snapshot & ErrorBody>): Snapshot => {
    expect({ status: res.status, message: res.status < 300 ? null : res.body.message }).toEqual({
      status: res.status < 300 ? res.status : 200,
      message: null,
    });
    return res.body;
  };
  const upload = async (id: string, kind: string, text: string) => {
    const res = await http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/${kind}`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  async function refused(id: string, request: () => Promise<HttpResult<unknown>>, status: number, mentions: string[]) {
    const counts = await recordCounts(db);
    const before = await live(id);
    const res = (await request()) as HttpResult<ErrorBody>;
    expect(res.status).toBe(status);
    for (const text of mentions) expect(res.body.message).toContain(text);
    // A refusal changes nothing (the worker's reminders and escalations aside: they are its timers, not the request).
    expect(await recordCounts(db)).toEqual(counts);
    expect(await live(id)).toEqual(before);
  }

  /** Draft and one evidence file uploaded, the case submitted and its materials accepted. */
  async function toReview(id: string, draft = '行政处罚决定书（草稿）：罚款二十万元'): Promise<Snapshot> {
    await upload(id, 'DRAFT', draft);
    const evidence = await upload(id, 'EVIDENCE', `现场检查笔录 ${id}`);
    const materials = {
      facts: '经查，当事人销售不合格电器 200 台',
      evidence: [{ title: '现场检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 }],
      provisions: ['《产品质量法》第四十九条'],
      discretionStandard: '江苏省市场监管行政处罚裁量基准',
      proposedDecision: '罚款二十万元',
      hearingHeld: false,
    };
    let s = ok(await step(id, 'drafter.mkt', 'submit-case', { materials }));
    expect(s.stage).toBe('INTAKE');
    s = ok(await step(id, 'officer.zhang', 'accept-materials'));
    expect([s.stage, s.reviewClockStartedAt !== null]).toEqual(['LEGAL_REVIEW', true]);
    return s;
  }

  it('should refuse a case that is not major by the catalog or a statutory ground, naming the basis', async () => {
    const res = await start({ amountYuan: 1000 });
    expect([res.status, res.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(res.body.message).toContain('第五十八条');
    expect((await start({ amountYuan: 1000, statutoryGrounds: ['MAJOR_PUBLIC_INTEREST'] })).status).toBe(201);
  });

  it('should walk a case from submission to disclosure and archive, refusing every gate out of order', async () => {
    const started = await start();
    expect(started.status).toBe(201);
    const id = started.body.procedureId;
    // G-C1: no decision without a passed review; G-C3: no review before complete materials.
    await refused(
      id,
      () =>
        step(id, 'leader.zhou', 'decision', {
          outcome: 'PENALTY',
          decisionNumber: 'x',
          summary: 'x',
          decidedSha256: 'a'.repeat(64),
        }),
      409,
      ['G-C1', '第五十八条'],
    );
    await upload(id, 'DRAFT', '行政处罚决定书（草稿）');
    ok(
      await step(id, 'drafter.mkt', 'submit-case', {
        materials: {
          facts: '',
          evidence: [],
          provisions: [],
          discretionStandard: '',
          proposedDecision: 'x',
          hearingHeld: false,
        },
      }),
    );
    await refused(id, () => step(id, 'officer.zhang', 'accept-materials'), 422, ['G-C3']);
    let s = ok(await step(id, 'officer.zhang', 'request-materials', { missing: ['证据材料', '裁量基准'] }));
    expect([s.stage, s.reviewClockStartedAt]).toEqual(['MATERIALS_SUPPLEMENT', null]);
    s = await toReview(id, '行政处罚决定书（草稿）第二稿');
    // G-C2: a case handler who also holds the reviewer role is refused.
    // Recusal and qualification are the workflow's: officer.liu lacks the legal-profession qualification.
    await refused(
      id,
      () =>
        step(id, 'officer.liu', 'conclusion', {
          conclusion: 'AGREE',
          reasons: '同意',
          checklist: checklist(),
          reviewedSha256: s.documents.DRAFT.sha256,
          noConflictDeclared: true,
        }),
      403,
      ['第五十八条第二款'],
    );
    await refused(
      id,
      () =>
        step(id, 'officer.zhang', 'conclusion', {
          conclusion: 'AGREE',
          reasons: '同意',
          checklist: checklist(),
          reviewedSha256: 'b'.repeat(64),
          noConflictDeclared: true,
        }),
      409,
      ['changed'],
    );
    s = ok(
      await step(id, 'officer.zhang', 'conclusion', {
        conclusion: 'AGREE',
        reasons: '事实清楚，证据确凿',
        checklist: checklist(),
        reviewedSha256: s.documents.DRAFT.sha256,
        noConflictDeclared: true,
      }),
    );
    expect(s.stage).toBe('DECISION');
    await refused(
      id,
      () =>
        step(id, 'leader.zhou', 'decision', {
          outcome: 'PENALTY',
          decisionNumber: '坛市监罚〔2026〕1号',
          summary: '罚款',
          decidedSha256: 'c'.repeat(64),
        }),
      409,
      ['第五十八条'],
    );
    s = ok(
      await step(id, 'leader.zhou', 'decision', {
        outcome: 'PENALTY',
        decisionNumber: '坛市监罚〔2026〕1号',
        summary: '罚款二十万元',
        decidedSha256: s.documents.DRAFT.sha256,
      }),
    );
    expect(s.stage).toBe('DISCLOSURE');
    s = ok(await step(id, 'drafter.mkt', 'disclosure', { channel: '金坛区行政执法公示平台', reference: 'GS-2026-1' }));
    expect([s.stage, s.status]).toEqual(['DISCLOSED', 'IN_FORCE']);
    s = ok(await step(id, 'drafter.mkt', 'archive', { note: '案卷归档：调查终结报告、审核意见、决定书' }));
    expect([s.stage, s.status]).toEqual(['CLOSED', 'ENDED']);
    const ledger: { decision: string; document_sha256: string | null }[] = await db.query(
      `SELECT decision, document_sha256 FROM ledger_entry WHERE procedure_id = $1 ORDER BY seq`,
      [id],
    );
    expect(ledger.map((e) => e.decision)).toEqual(
      expect.arrayContaining([
        'CASE_SUBMITTED',
        'MATERIALS_INCOMPLETE',
        'MATERIALS_SUPPLEMENTED',
        'REVIEW_AGREE',
        'DECIDED_PENALTY',
        'DECISION_DISCLOSED',
        'CASE_ARCHIVED',
      ]),
    );
  });

  it("should route the review to the department's own review body, where a case handler never reviews their own case", async () => {
    const suffix = uniqueSuffix()
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(-8);
    const admin = (path: string, body: unknown) => http.as<{ id: string } & ErrorBody>('admin', 'POST', path, { body });
    const government = (
      await http.as<{ id: string; code: string }[]>('drafter.mkt', 'GET', '/api/org/units')
    ).body.find((u) => u.code === 'JT-GOV')!;
    const dept = await admin('/api/admin/units', {
      code: `JT-ZF${suffix}`,
      name: '金坛区综合行政执法局',
      kind: 'DEPARTMENT',
      parentId: government.id,
      reason: 'test',
    });
    expect(dept.status).toBe(201);
    const body = await admin('/api/admin/units', {
      code: `JT-ZF${suffix}-FZ`,
      name: '综合行政执法局法制科',
      kind: 'LEGAL_AFFAIRS_OFFICE',
      parentId: dept.body.id,
      reason: 'test',
    });
    expect(body.status).toBe(201);
    const user = async (name: string, unitId: string, roles: string[]) => {
      const res = await admin('/api/admin/users', {
        username: `${name}.${suffix.toLowerCase()}`,
        displayName: name,
        unitId,
        roles,
        qualifications: ['LEGAL_PROFESSION'],
        password: 'lawgate-demo',
        reason: 'test',
      });
      expect(res.status).toBe(201);
      return { username: `${name}.${suffix.toLowerCase()}`, id: res.body.id };
    };
    const submitter = await user('zf-handler', dept.body.id, ['DRAFTER']);
    const moved = await user('zf-moved', body.body.id, ['LEGAL_AFFAIRS_OFFICER']);
    const reviewer = await user('zf-reviewer', body.body.id, ['LEGAL_AFFAIRS_OFFICER']);
    const started = await http.as<Snapshot & ErrorBody & { reviewBody: string }>(
      submitter.username,
      'POST',
      '/api/procedures/enforcement-reviews',
      {
        body: {
          caseNumber: `ZF-${uniqueSuffix()}`,
          title: '违法建设拆除案',
          decisionKind: 'COERCION',
          measure: 'SEIZURE_OR_SEALING',
          field: '城市管理',
          amountYuan: 0,
          statutoryGrounds: [],
          complexOrSerious: false,
          caseHandlers: [submitter.username, moved.username],
        },
      },
    );
    expect([started.status, started.body.reviewBody, started.body.message]).toEqual([201, 'DEPARTMENT', undefined]);
    const id = started.body.procedureId;
    const as = (u: string, name: string, b: unknown = {}) =>
      http.as<Snapshot & ErrorBody>(u, 'POST', `/api/procedures/${id}/steps/${name}`, { body: b });
    const draft = await http.as<Snapshot>(submitter.username, 'POST', `/api/procedures/${id}/documents/DRAFT`, {
      rawBody: '查封决定书（草稿）',
      headers: { 'content-type': 'text/plain' },
    });
    const evidence = await http.as<Snapshot>(submitter.username, 'POST', `/api/procedures/${id}/documents/EVIDENCE`, {
      rawBody: '现场勘验笔录',
      headers: { 'content-type': 'text/plain' },
    });
    ok(
      await as(submitter.username, 'submit-case', {
        materials: {
          facts: '未经许可搭建',
          evidence: [{ title: '勘验笔录', source: '现场', fileSha256: evidence.body.documents.EVIDENCE.sha256 }],
          provisions: ['《城乡规划法》第六十八条'],
          discretionStandard: '裁量基准',
          proposedDecision: '查封施工现场',
          hearingHeld: false,
        },
      }),
    );
    // officer.zhang of the office does not hold the department's review.
    expect((await step(id, 'officer.zhang', 'accept-materials')).status).toBe(403);
    ok(await as(reviewer.username, 'accept-materials'));
    const sha = draft.body.documents.DRAFT.sha256;
    await refused(
      id,
      () =>
        as(moved.username, 'conclusion', {
          conclusion: 'AGREE',
          reasons: '同意',
          checklist: checklist(),
          reviewedSha256: sha,
          noConflictDeclared: true,
        }),
      403,
      ['never reviews their own case', '第五十八条'],
    );
    const s = ok(
      await as(reviewer.username, 'conclusion', {
        conclusion: 'AGREE',
        reasons: '同意',
        checklist: checklist(),
        reviewedSha256: sha,
        noConflictDeclared: true,
      }),
    );
    expect(s.stage).toBe('DECISION');
  });

  it('should escalate a review that falls overdue, and keep earlier opinions through a rework loop', async () => {
    const id = (await start()).body.procedureId;
    let s = await toReview(id);
    const reviewTask = s.openTaskId!;
    await eventually(async () => expect((await live(id)).overdue).toBe(true), 60000);
    const [row]: { escalated_at: Date | null }[] = await db.query(`SELECT escalated_at FROM task WHERE id = $1`, [
      reviewTask,
    ]);
    expect(row.escalated_at).not.toBeNull();
    s = ok(
      await step(id, 'officer.zhang', 'conclusion', {
        conclusion: 'PROBLEMS',
        reasons: '裁量明显过重',
        checklist: checklist({ LAW_AND_DISCRETION: '未适用从轻情节' }),
        reviewedSha256: s.documents.DRAFT.sha256,
        noConflictDeclared: true,
      }),
    );
    expect(s.stage).toBe('REWORK');
    await refused(
      id,
      () =>
        step(id, 'leader.zhou', 'decision', {
          outcome: 'PENALTY',
          decisionNumber: 'n',
          summary: 's',
          decidedSha256: s.documents.DRAFT.sha256,
        }),
      409,
      ['G-C1', '第五十八条'],
    );
    s = await toReview(id, '行政处罚决定书（修改稿）：罚款十万元');
    s = ok(
      await step(id, 'officer.zhang', 'conclusion', {
        conclusion: 'AGREE',
        reasons: '问题已整改',
        checklist: checklist(),
        reviewedSha256: s.documents.DRAFT.sha256,
        noConflictDeclared: true,
      }),
    );
    expect(s.opinions.map((o) => o.conclusion)).toEqual(['PROBLEMS', 'AGREE']);
    expect(s.versions.length).toBe(2);
  }, 120000);
});
