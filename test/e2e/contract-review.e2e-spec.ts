import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { recordCounts } from '../support/records';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { CONTRACT_CHECKLIST } from '@lawgate/domain';
import { holderAmong } from '../support/inbox';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  overdue: boolean;
  documents: Record<string, { sha256: string }>;
  opinions: { conclusion: string; reviewedSha256: string }[];
  payments: { item: string; dueAt: string; paidAt: string | null }[];
}
interface ErrorBody {
  code: string;
  message: string;
}

const ADVISERS = ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang'];
const checklist = (failed: Record<string, string> = {}) =>
  CONTRACT_CHECKLIST.map((item) => ({
    item,
    ok: !(item in failed),
    note: failed[item] ?? '无仲裁条款，约定由人民法院管辖',
  }));

/**
 * A government contract through the API with the demonstration periods: in scope by the policy, reviewed by a routed
 * adviser (never its drafter), revised, signed only as the reviewed text (another text re-opens the review), filed,
 * and kept in the register to completion; a review that falls overdue is escalated.
 */
describe('the government contract review (政府合同合法性审查) through the API', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-cr', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  beforeAll(() => {
    ({ http, db } = stack);
  });

  const start = (extra: Record<string, unknown> = {}) =>
    http.as<Snapshot & ErrorBody>('drafter.mkt', 'POST', '/api/procedures/contract-reviews', {
      body: {
        contractNumber: `HT-${uniqueSuffix()}`,
        title: '城区公共停车场特许经营协议',
        kind: 'FRANCHISE_PPP',
        administrativeAgreement: true,
        basis: 'TENDER',
        counterpart: '某停车管理有限公司',
        counterpartSme: true,
        amountYuan: 3000000,
        termStart: '2026-04-01',
        termEnd: '2036-03-31',
        ...extra,
      },
    });
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
  const upload = async (id: string, text: string) => {
    const res = await http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/DRAFT`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const reviewer = async (taskId: string) => {
    const holder = await holderAmong(http, ADVISERS, taskId);
    if (!holder) throw new Error(`nobody holds ${taskId}`);
    return holder;
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

  it('should refuse a contract outside the policy scope unless its review is asked for', async () => {
    const small = await start({ kind: 'COMMISSIONED_SERVICES', amountYuan: 100000 });
    expect([small.status, small.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(small.body.message).toContain('G-D1');
    expect((await start({ kind: 'COMMISSIONED_SERVICES', amountYuan: 100000, voluntaryReview: true })).status).toBe(
      201,
    );
  });

  it('should review, revise, sign only the reviewed text, file and keep the register to completion', async () => {
    const id = (await start()).body.procedureId;
    await upload(id, '特许经营协议（草案）第十条 区政府为乙方融资提供担保。');
    await refused(id, () => step(id, 'drafter.mkt', 'sign', { signedSha256: 'a'.repeat(64), signatory: '局长' }), 422, [
      'G-D2',
    ]);
    let s = ok(await step(id, 'drafter.mkt', 'submit', { note: '送审' }));
    expect(s.stage).toBe('CONTRACT_LEGALITY_REVIEW');
    const first = await reviewer(s.openTaskId!);
    expect(first).not.toBe('drafter.mkt');
    // The drafter cannot give the opinion on their own contract.
    expect(
      (
        await step(id, 'drafter.mkt', 'opinion', {
          conclusion: 'PASS',
          reasons: 'x',
          checklist: checklist(),
          reviewedSha256: s.documents.DRAFT.sha256,
        })
      ).status,
    ).toBe(403);
    s = ok(
      await step(id, first, 'opinion', {
        conclusion: 'REVISE',
        reasons: '不得以政府名义提供担保',
        checklist: checklist({ NO_GOVERNMENT_GUARANTEE: '删除第十条' }),
        reviewedSha256: s.documents.DRAFT.sha256,
      }),
    );
    expect(s.stage).toBe('CONTRACT_REVISION');
    await upload(id, '特许经营协议（修改稿）第十条 删除。');
    s = ok(await step(id, 'drafter.mkt', 'submit', { note: '已删除担保条款' }));
    s = ok(
      await step(id, await reviewer(s.openTaskId!), 'opinion', {
        conclusion: 'PASS',
        reasons: '合法',
        checklist: checklist(),
        reviewedSha256: s.documents.DRAFT.sha256,
      }),
    );
    expect(s.stage).toBe('SIGNING');
    await refused(id, () => step(id, 'drafter.mkt', 'sign', { signedSha256: 'b'.repeat(64), signatory: '局长' }), 409, [
      'not the text reviewed',
    ]);
    // The text brought to signing differs: the review re-opens.
    s = await upload(id, '特许经营协议（签署稿）第十条 删除。第十一条 补充。');
    expect(s.stage).toBe('CONTRACT_LEGALITY_REVIEW');
    s = ok(
      await step(id, await reviewer(s.openTaskId!), 'opinion', {
        conclusion: 'PASS',
        reasons: '签署稿合法',
        checklist: checklist(),
        reviewedSha256: s.documents.DRAFT.sha256,
      }),
    );
    s = ok(
      await step(id, 'drafter.mkt', 'sign', { signedSha256: s.documents.DRAFT.sha256, signatory: '区城管局局长' }),
    );
    expect(s.stage).toBe('FILING');
    s = ok(await step(id, 'drafter.mkt', 'file', { filedWith: ['区司法局', '区档案馆'], reference: 'BA-2026-01' }));
    expect([s.stage, s.status]).toEqual(['PERFORMANCE', 'IN_FORCE']);
    ok(await step(id, 'drafter.mkt', 'milestones', { title: '一期建成', dueDate: '2026-12-31' }));
    s = ok(await step(id, 'drafter.mkt', 'acceptance', { item: '一期工程款' }));
    expect(s.payments[0].paidAt).toBeNull();
    await refused(id, () => step(id, 'drafter.mkt', 'close', { reason: '完毕' }), 422, ['一期建成']);
    ok(await step(id, 'drafter.mkt', 'complete-milestone', { item: '一期建成' }));
    ok(await step(id, 'drafter.mkt', 'payment', { item: '一期工程款' }));
    s = ok(await step(id, 'drafter.mkt', 'close', { reason: '履行完毕' }));
    expect([s.stage, s.status]).toEqual(['CONTRACT_COMPLETED', 'ENDED']);
    const ledger: { decision: string; document_sha256: string | null }[] = await db.query(
      'SELECT decision, document_sha256 FROM ledger_entry WHERE procedure_id = $1 ORDER BY seq',
      [id],
    );
    const signed = ledger.find((e) => e.decision === 'CONTRACT_SIGNED');
    const passed = ledger.filter((e) => e.decision === 'CONTRACT_REVIEW_PASS').pop();
    expect(signed?.document_sha256).toBe(passed?.document_sha256);
    expect(ledger.map((e) => e.decision)).toContain('LEGALITY_REVIEW_REOPENED');
  });

  it('should escalate a review that falls overdue', async () => {
    const id = (await start()).body.procedureId;
    await upload(id, '委托经营合同（草案）');
    const s = ok(await step(id, 'drafter.mkt', 'submit', { note: '送审' }));
    await eventually(async () => expect((await live(id)).overdue).toBe(true), 60000);
    const [row]: { escalated_at: Date | null }[] = await db.query('SELECT escalated_at FROM task WHERE id = $1', [
      s.openTaskId,
    ]);
    expect(row.escalated_at).not.toBeNull();
  }, 90000);
});
