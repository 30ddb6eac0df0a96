import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  workflowId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
  commentWindow?: { windowId: string; closesAt: string; closed: boolean; commentIds: string[] } | null;
  registration?: { number: string; validUntil: string } | null;
  filing?: { status: string } | null;
}
interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * A normative document through every stage over HTTP, with the demonstration periods (seconds), and every gate tried
 * before its precondition holds: each refusal is a 4xx naming what is missing (and its legal basis), and changes
 * nothing in PostgreSQL or in the workflow.
 */
describe('the normative-document procedure through the API, gate by gate', () => {
  let http: ApiClient;
  let db: DataSource;
  let id: string;
  let s: Snapshot;
  const stack = useStack('e2e-nd-stages', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  beforeAll(() => {
    ({ http, db } = stack);
  });

  const live = async () =>
    (await http.as<{ live: Snapshot; stage: string }>('officer.zhang', 'GET', `/api/procedures/${id}`)).body;

  /** Calls `request` and checks it is refused with `status` and `code`, and that nothing changed anywhere. */
  async function refused(
    request: () => Promise<HttpResult<unknown>>,
    status: number,
    code: string,
    mentions: string[] = [],
  ): Promise<ErrorBody> {
    const counts = await recordCounts(db);
    const before = await live();
    const res = (await request()) as HttpResult<ErrorBody>;
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    for (const text of mentions) expect(res.body.message).toContain(text);
    expect(await recordCounts(db)).toEqual(counts);
    const after = await live();
    expect(after.stage).toBe(before.stage);
    expect(after.live).toEqual(before.live);
    return res.body;
  }

  /** A step at `POST /api/procedures/:id/steps/:step`, as `user`; a task's step closes the procedure's open task. */
  const step = (user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const drafter = (name: string, body: unknown = {}) => step('drafter.edu', name, body);
  const upload = (kind: string, text: string) =>
    http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}/documents/${kind}`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });
  const ok = (res: HttpResult<Snapshot>): Snapshot => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    s = res.body;
    return s;
  };

  interface Rates {
    legalityReturn: { total: number; count: number };
    commentAdoption: { total: number; count: number };
    commentAnswers: Record<string, number>;
  }
  const statistics = async () => (await http.as<Rates>('officer.zhang', 'GET', '/api/admin/statistics')).body;
  let ratesBefore: Rates;

  it('should start and approve the project, refusing a start without the classification', async () => {
    ratesBefore = await statistics();
    const unclassified: Partial<typeof validApplication> = { ...validApplication };
    delete unclassified.classificationReason;
    const counts = await recordCounts(db);
    const bad = await http.as<ErrorBody>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode: uniqueSuffix(), title: '无分类理由的文件', application: unclassified },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toHaveProperty(['application.classificationReason']);
    expect(await recordCounts(db)).toEqual(counts);

    ok(
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '金坛区校外培训机构管理办法', application: validApplication },
      }),
    );
    id = s.procedureId;
    ok(await step('officer.zhang', 'project-approval', { decision: 'APPROVED', opinion: '同意立项' }));
    expect(s.stage).toBe('DRAFTING');
  });

  it('should refuse to end drafting without the materials, or to jump ahead to review', async () => {
    await upload('DRAFT', '第一条 为规范校外培训机构，制定本办法。\n第五条 培训机构须缴纳保证金。\n');
    await refused(() => drafter('complete-drafting', { note: '' }), 422, 'RULE_VIOLATION', ['起草说明', '制定依据']);
    await refused(() => drafter('submit-for-review', { note: 'x' }), 409, 'WRONG_STAGE', [
      'OWN_LEGALITY_CHECK',
      '国办发〔2018〕115号',
    ]);
    await refused(() => drafter('complete-drafting', { note: '', extra: 1 }), 400, 'VALIDATION_FAILED');
    await refused(() => step('drafter.mkt', 'complete-drafting', { note: '' }), 404, 'NOT_FOUND');
    // The step's earlier per-step route is gone: only the step API takes it.
    await refused(
      () => http.as('drafter.edu', 'POST', `/api/procedures/${id}/complete-drafting`, { body: { note: '' } }),
      404,
      'NOT_FOUND',
    );
    await upload('DRAFTING_EXPLANATION', '起草说明');
    await upload('BASIS_LIST', '制定依据');
    ok(await drafter('complete-drafting', { note: '完成' }));
    expect(s.stage).toBe('FAIR_COMPETITION_REVIEW');
    ok(await drafter('fair-competition-review', { conclusion: 'COMPLIANT', summary: '未含排除、限制竞争内容' }));
    // A government document: the market regulation department reviews after the drafting unit (Art 14), on a task
    // its unit holds; the drafting unit cannot record that review for it.
    expect(s.stage).toBe('FAIR_COMPETITION_REVIEW');
    const review = { conclusion: 'COMPLIANT', summary: '经审查，未含排除、限制竞争的内容' };
    const market = (user: string) =>
      http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/market-regulation-review`, { body: review });
    await refused(() => market('drafter.edu'), 403, 'FORBIDDEN');
    ok(await market('drafter.mkt'));
    expect(s.stage).toBe('PUBLIC_COMMENT');
  });

  it('should keep the comment window open for its minimum and require every comment to be answered', async () => {
    ok(await drafter('comment-window', {}));
    const windowId = s.commentWindow!.windowId;
    await refused(() => drafter('close-comment-window', {}), 422, 'RULE_VIOLATION', ['may not close before']);
    await refused(() => drafter('complete-public-comment', { note: '' }), 422, 'RULE_VIOLATION', ['cannot be skipped']);
    const receipt = await http.request<{ receiptNo: string }>(
      'POST',
      `/api/public/comment-windows/${windowId}/comments`,
      {
        body: { content: '建议取消保证金。' },
      },
    );
    expect(receipt.status).toBe(201);
    await eventually(async () => expect((await live()).live.commentWindow!.closed).toBe(true));
    s = (await live()).live;
    expect(s.commentWindow!.commentIds).toHaveLength(1);
    await refused(() => drafter('complete-public-comment', { note: '' }), 422, 'RULE_VIOLATION', ['must be answered']);
    const commentId = s.commentWindow!.commentIds[0];
    await refused(
      () => drafter('answer-comment', { commentId, answer: 'NOT_ADOPTED', reason: '' }),
      422,
      'RULE_VIOLATION',
      ['reason'],
    );
    ok(await drafter('answer-comment', { commentId, answer: 'ADOPTED', reason: '已采纳' }));
    ok(await drafter('complete-public-comment', { note: '已逐条答复' }));
    expect(s.stage).toBe('OWN_LEGALITY_CHECK');
  });

  it('should check the materials before the review clock starts and guard the review itself', async () => {
    await refused(() => drafter('submit-for-review', { note: '合法' }), 422, 'RULE_VIOLATION', [
      '起草单位合法性审核意见',
    ]);
    await upload('OWN_LEGALITY_OPINION', '经审核，合法。');
    ok(await drafter('submit-for-review', { note: '经审核合法', expertise: ['教育'] }));
    expect(s.stage).toBe('MATERIALS_CHECK');
    await refused(() => step('drafter.edu', 'materials-check', { complete: true, note: '' }), 403, 'FORBIDDEN');
    await refused(
      () => step('officer.zhang', 'materials-check', { complete: false, note: '' }),
      422,
      'RULE_VIOLATION',
      ['missing'],
    );
    ok(await step('officer.zhang', 'materials-check', { complete: true, note: '齐全' }));
    expect(s.stage).toBe('LEGALITY_REVIEW');

    const review = (
      await http.as<{ tasks: { id: string; assigneeUserId: string | null }[] }>(
        'officer.zhang',
        'GET',
        `/api/procedures/${id}`,
      )
    ).body.tasks.find((t) => t.id === s.openTaskId)!;
    const reviewer = (
      await db.query<{ username: string }[]>('SELECT username FROM app_user WHERE id = $1', [review.assigneeUserId])
    )[0].username;
    const sha = s.documents!.DRAFT.sha256;
    await refused(
      () => step(reviewer, 'legality-opinion', { conclusion: 'LAWFUL', reasons: '', reviewedSha256: 'f'.repeat(64) }),
      409,
      'STALE_VERSION',
      [`version 1`],
    );
    await refused(
      () => step(reviewer, 'legality-opinion', { conclusion: 'UNLAWFUL', reasons: '', reviewedSha256: sha }),
      422,
      'RULE_VIOLATION',
    );
    await refused(
      () =>
        step('leader.zhou', 'deliberation', {
          decision: 'ADOPTED',
          meeting: '常务会议',
          meetingDate: '2026-11-20',
          minutes: '通过',
        }),
      409,
      'WRONG_STAGE',
      ['DELIBERATION', 'LEGALITY_REVIEW'],
    );
    // The reviewer's minimum time (two seconds here) has to run out before the opinion is taken.
    await eventually(async () => {
      const res = await step(reviewer, 'legality-opinion', {
        conclusion: 'UNLAWFUL',
        reasons: '第五条设定保证金无上位法依据',
        reviewedSha256: sha,
      });
      expect(res.status).toBe(200);
      s = res.body;
    });
    expect(s.stage).toBe('REVISION');
    await refused(
      () => drafter('resubmit', { adoptedAll: false, nonAdoptionStatement: '我们认为合法' }),
      422,
      'RULE_VIOLATION',
      ['unlawful'],
    );
    await upload('DRAFT', '第一条 为规范校外培训机构，制定本办法。\n第五条 资金监管依照有关规定执行。\n');
    ok(await drafter('resubmit', { adoptedAll: true }));
    expect(s.stage).toBe('LEGALITY_REVIEW');
    await eventually(async () => {
      const res = await step(reviewer, 'legality-opinion', {
        conclusion: 'LAWFUL',
        reasons: '',
        reviewedSha256: s.documents!.DRAFT.sha256,
      });
      expect(res.status).toBe(200);
      s = res.body;
    });
    expect(s.stage).toBe('DELIBERATION');
    // The LAWFUL opinion binds this text: a new draft now is refused, so the deliberation decides on the text reviewed.
    await refused(
      () =>
        http.as('drafter.edu', 'POST', `/api/procedures/${id}/documents/DRAFT`, {
          rawBody: '第一条 为规范校外培训机构，制定本办法。\n第五条 未经审查的改动。\n',
          headers: { 'content-type': 'text/plain' },
        }),
      409,
      'WRONG_STAGE',
    );
  });

  it('should register with a gap-free number only after the deliberation, and publish before it is in force', async () => {
    await refused(
      () =>
        step('leader.zhou', 'deliberation', {
          decision: 'ADOPTED',
          meeting: '常务会议',
          meetingDate: '20-11-2026',
          minutes: '通过',
        }),
      400,
      'VALIDATION_FAILED',
    );
    ok(
      await step('leader.zhou', 'deliberation', {
        decision: 'ADOPTED',
        meeting: '区政府第12次常务会议',
        meetingDate: '2026-11-20',
        minutes: '审议通过，区长签发。',
      }),
    );
    expect(s.stage).toBe('REGISTRATION');
    await refused(() => step('drafter.edu', 'registration', {}), 403, 'FORBIDDEN');
    ok(await step('officer.zhang', 'registration', {}));
    expect(s.registration!.number).toMatch(/^坛政规〔\d{4}〕[1-9]\d*号$/);
    expect(s.stage).toBe('PUBLICATION');
    await refused(() => drafter('filing-events', { event: 'SUBMITTED', note: '' }), 403, 'FORBIDDEN');
    ok(
      await step('officer.zhang', 'publication', { channel: 'WEBSITE', reference: 'https://www.jintan.gov.cn/a.html' }),
    );
    expect(s).toMatchObject({ stage: 'IN_FORCE', status: 'IN_FORCE' });

    const officer = (name: string, body: unknown) => step('officer.zhang', name, body);
    await refused(() => officer('filing-events', { event: 'ACCEPTED', note: '' }), 409, 'WRONG_STAGE', ['SUBMITTED']);
    ok(await officer('filing-events', { event: 'SUBMITTED', note: '已报送' }));
    ok(await officer('filing-events', { event: 'CORRECTION_REQUESTED', note: '请补正起草说明' }));
    ok(await officer('filing-events', { event: 'RESUBMITTED', note: '已补正' }));
    ok(await officer('filing-events', { event: 'ACCEPTED', note: '准予备案' }));
    expect(s.filing!.status).toBe('ACCEPTED');

    const detail = (
      await http.as<{ ledger: { decision: string }[]; stage: string; status: string }>(
        'officer.zhang',
        'GET',
        `/api/procedures/${id}`,
      )
    ).body;
    expect(detail).toMatchObject({ stage: 'IN_FORCE', status: 'IN_FORCE' });
    expect(detail.ledger.map((e) => e.decision)).toEqual([
      'APPROVED',
      'DRAFT_COMPLETED',
      'COMPLIANT',
      'MARKET_REGULATION_COMPLIANT',
      'PUBLISHED_FOR_COMMENT',
      'COMMENTS_ANSWERED',
      'SUBMITTED_FOR_REVIEW',
      'MATERIALS_COMPLETE',
      'UNLAWFUL',
      'REVISED',
      'LAWFUL',
      'ADOPTED',
      'REGISTERED',
      'PUBLISHED',
      'FILING_ACCEPTED',
    ]);
    const verify = await http.as<{ ok: boolean }>('officer.zhang', 'GET', '/api/admin/ledger/verify');
    expect(verify.body.ok).toBe(true);
  });

  it("should count this procedure's returned legality review and adopted comment in the office's statistics", async () => {
    const after = await statistics();
    // One UNLAWFUL and one LAWFUL opinion: two reviews, one returned; one comment answered, adopted.
    expect(after.legalityReturn.total - ratesBefore.legalityReturn.total).toBe(2);
    expect(after.legalityReturn.count - ratesBefore.legalityReturn.count).toBe(1);
    expect(after.commentAdoption.total - ratesBefore.commentAdoption.total).toBe(1);
    expect(after.commentAdoption.count - ratesBefore.commentAdoption.count).toBe(1);
    expect((after.commentAnswers.ADOPTED ?? 0) - (ratesBefore.commentAnswers.ADOPTED ?? 0)).toBe(1);
  });

  it('should repeal the document in force on a clean-up decision: a validated update, signed into its ledger', async () => {
    const [entry] = await db.query<{ id: string }[]>('SELECT id FROM register_entry WHERE procedure_id = $1', [id]);
    const campaignId = `nd-${uniqueSuffix()}`;
    const started = await http.as('officer.zhang', 'POST', '/api/admin/cleanup-campaigns', {
      body: { title: '规范性文件清理（流程测试）', campaignId },
    });
    expect(started.status).toBe(201);
    const taskId = await eventually(async () => {
      const [row] = await db.query<{ id: string }[]>(
        `SELECT t.id FROM cleanup_review r JOIN task t ON t.workflow_id = r.workflow_id
         WHERE r.campaign_id = $1 AND r.register_entry_id = $2`,
        [campaignId, entry.id],
      );
      expect(row).toBeDefined();
      return row.id;
    }, 30000);
    const decided = await http.as('officer.zhang', 'POST', `/api/tasks/${taskId}/cleanup-review`, {
      body: { decision: 'REPEAL', reason: '调整对象已消失' },
    });
    // With the body, so that a refusal says why.
    expect({ status: decided.status, body: decided.body }).toMatchObject({ status: 200 });
    // The review sends the decision to the document's workflow as applyCleanupDecision: checked against the campaign,
    // signed into the document's ledger, and the document is repealed with its register entry.
    const detail = await eventually(async () => {
      const res = await http.as<{ ledger: { decision: string; stage: string }[]; stage: string; status: string }>(
        'officer.zhang',
        'GET',
        `/api/procedures/${id}`,
      );
      expect(res.body).toMatchObject({ stage: 'REPEALED', status: 'ENDED' });
      return res.body;
    }, 30000);
    expect(detail.ledger.slice(-2).map((e) => [e.stage, e.decision])).toEqual([
      ['CLEANUP_REVIEW', 'REPEAL'],
      ['IN_FORCE', 'CLEANUP_REPEAL'],
    ]);
    const [register] = await db.query<{ status: string; status_reason: string }[]>(
      'SELECT status, status_reason FROM register_entry WHERE id = $1',
      [entry.id],
    );
    expect(register).toEqual({ status: 'REPEALED', status_reason: '清理决定废止：调整对象已消失' });
    const verify = await http.as<{ ok: boolean }>('officer.zhang', 'GET', '/api/admin/ledger/verify');
    expect(verify.body.ok).toBe(true);
  });
});
