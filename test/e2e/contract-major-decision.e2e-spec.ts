import type { DataSource } from 'typeorm';
import { CONTRACT_CHECKLIST } from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { recordCounts } from '../support/records';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { holderAmong } from '../support/inbox';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
  facts: { majorDecision?: { procedureId: string; title: string } | null };
  commentWindow?: { closed: boolean } | null;
}
interface ErrorBody {
  code: string;
  message: string;
  details?: { fields?: Record<string, string[]> };
}

const REVIEWERS = ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang'];

/**
 * G-D6: a contract that is itself a major administrative decision names that decision when it is submitted, and is
 * signed only after the decision organ's meeting adopted it (Decree 713 Art 30). Until then the signing is refused,
 * naming the gate and the article, with nothing recorded; once the meeting adopts the decision, the same signing
 * goes through.
 */
describe('a contract linked to its major decision (G-D6)', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-cr-md', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  beforeAll(() => {
    ({ http, db } = stack);
  });

  const ok = <T>(res: HttpResult<T>): T => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const md = (id: string, user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const liveOf = async (id: string) =>
    (await http.as<{ live: Snapshot }>('officer.zhang', 'GET', `/api/procedures/${id}`)).body.live;
  const upload = async (user: string, id: string, text: string) =>
    ok(
      await http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/documents/DRAFT`, {
        rawBody: text,
        headers: { 'content-type': 'text/plain' },
      }),
    );
  const startContract = (extra: Record<string, unknown>) =>
    http.as<Snapshot & ErrorBody>('drafter.mkt', 'POST', '/api/procedures/contract-reviews', {
      body: {
        contractNumber: `HT-MD-${uniqueSuffix()}`,
        title: '农贸市场特许经营协议',
        kind: 'FRANCHISE_PPP',
        administrativeAgreement: true,
        basis: 'TENDER',
        counterpart: '某市场管理有限公司',
        counterpartSme: true,
        amountYuan: 5000000,
        termStart: '2026-06-01',
        termEnd: '2031-05-31',
        ...extra,
      },
    });

  let decisionId = '';
  let draftSha = '';

  /** A major decision launched and drafted: not yet adopted. */
  async function launchedDecision(): Promise<string> {
    const s = ok(
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/major-decisions', {
        body: {
          matterCode: `MD-${uniqueSuffix()}`,
          title: `农贸市场特许经营决策（${uniqueSuffix()}）`,
          proposal: {
            proposer: 'DEPARTMENT',
            problem: '农贸市场老旧',
            reasonsAndBasis: '《市政公用事业特许经营管理办法》',
            preliminarySolution: '特许经营改造',
            necessityAndFeasibility: '群众需求迫切，财力可行',
          },
          classification: {
            kind: 'PUBLIC_CONSTRUCTION',
            reason: '区域重大公共建设项目',
            professional: false,
            riskFlagged: false,
            wideConcern: false,
            touchesMarket: false,
            exploratoryReform: false,
            alsoNormativeDocument: false,
          },
        },
      }),
    );
    const units = (await http.as<{ id: string; code: string }[]>('leader.zhou', 'GET', '/api/org/units')).body;
    const unit = units.find((u) => u.code === 'JT-EDU')!;
    ok(await md(s.procedureId, 'leader.zhou', 'launch', { launch: true, undertakingUnitId: unit.id, reason: '启动' }));
    draftSha = (await upload('drafter.edu', s.procedureId, '关于农贸市场特许经营的决定（草案）\n')).documents.DRAFT
      .sha256;
    ok(
      await md(s.procedureId, 'drafter.edu', 'draft-options', {
        options: [{ label: '方案一', sha256: draftSha }],
        lawInventory: '特许经营管理办法',
      }),
    );
    return s.procedureId;
  }

  /** The decision through public participation, the legality review and the meeting, which adopts it. */
  async function adopt(id: string): Promise<void> {
    ok(await md(id, 'drafter.edu', 'consultation', { consulted: ['财政局'], consensus: true }));
    ok(await md(id, 'drafter.edu', 'comment-window'));
    await eventually(async () => expect((await liveOf(id)).commentWindow?.closed).toBe(true), 30000);
    ok(await md(id, 'drafter.edu', 'complete-public-participation'));
    ok(await md(id, 'drafter.edu', 'legality-review', { basisStatement: '依据', proceduresPerformed: '已征求意见' }));
    ok(
      await md(id, 'officer.zhang', 'legality-opinion', {
        conclusion: 'LAWFUL',
        reasons: '合法',
        reviewedSha256: draftSha,
      }),
    );
    ok(await md(id, 'drafter.edu', 'meeting-package', { note: '审议材料齐全' }));
    const [head] = await db.query<{ id: string }[]>(`SELECT id FROM app_user WHERE username = 'leader.zhou'`);
    const adopted = ok(
      await md(id, 'leader.zhou', 'meeting', {
        meetingType: 'EXECUTIVE',
        meeting: '区政府第12次常务会议',
        meetingDate: new Date().toISOString(),
        positions: [
          { memberId: 'm1', name: '孙副区长', position: 'FOR', statement: '同意' },
          { memberId: head.id, name: '周区长', position: 'FOR', statement: '同意' },
        ],
        attendees: [
          { memberId: 'm1', name: '孙副区长' },
          { memberId: 'm2', name: '王副区长' },
          { memberId: head.id, name: '周区长' },
        ],
        membersTotal: 5,
        headId: head.id,
        decision: 'ADOPTED',
      }),
    );
    expect(adopted.stage).toBe('PARTY_REPORT');
  }

  it('refuses a contract naming something that is no major decision, starting nothing', async () => {
    const before = await recordCounts(db);
    const unknown = await startContract({ majorDecisionId: '00000000-0000-4000-8000-000000000000' });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 422, code: 'RULE_VIOLATION' });
    expect(unknown.body.message).toContain('G-D6');
    expect(unknown.body.details?.fields).toHaveProperty('majorDecisionId');
    const malformed = await startContract({ majorDecisionId: 'not-a-uuid' });
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await recordCounts(db)).toEqual(before);
  });

  it('signs the contract only after its major decision is adopted, refusing before with the basis', async () => {
    decisionId = await launchedDecision();
    const started = await startContract({ majorDecisionId: decisionId });
    expect(started.status).toBe(201);
    const id = started.body.procedureId;
    expect(started.body.facts.majorDecision).toEqual({
      procedureId: decisionId,
      title: expect.stringContaining('农贸市场特许经营决策') as string,
    });
    const text = await upload('drafter.mkt', id, '农贸市场特许经营协议（草案）\n争议由人民法院管辖。\n');
    const submitted = ok(
      await http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/steps/submit`, { body: { note: '送审' } }),
    );
    const reviewer = (await holderAmong(http, REVIEWERS, submitted.openTaskId)) ?? '';
    expect(reviewer).not.toBe('');
    ok(
      await http.as<Snapshot>(reviewer, 'POST', `/api/procedures/${id}/steps/opinion`, {
        body: {
          conclusion: 'PASS',
          reasons: '条款合法',
          checklist: CONTRACT_CHECKLIST.map((item) => ({ item, ok: true, note: '无仲裁条款，约定由人民法院管辖' })),
          reviewedSha256: text.documents.DRAFT.sha256,
        },
      }),
    );
    expect((await liveOf(id)).stage).toBe('SIGNING');

    const sign = () =>
      http.as<Snapshot & ErrorBody>('drafter.mkt', 'POST', `/api/procedures/${id}/steps/sign`, {
        body: { signedSha256: text.documents.DRAFT.sha256, signatory: '区市场监管局局长' },
      });
    const counts = await recordCounts(db);
    const early = await sign();
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 422, code: 'RULE_VIOLATION' });
    for (const words of ['G-D6', '第三十条', '农贸市场特许经营决策', 'CONSULTATION']) {
      expect(early.body.message).toContain(words);
    }
    expect(await recordCounts(db)).toEqual(counts);
    expect((await liveOf(id)).stage).toBe('SIGNING');

    await adopt(decisionId);
    const signed = await sign();
    expect(signed.status).toBe(200);
    expect(signed.body.stage).toBe('FILING');
    const [entry] = await db.query<{ decision: string }[]>(
      `SELECT decision FROM ledger_entry WHERE procedure_id = $1 AND decision = 'CONTRACT_SIGNED'`,
      [id],
    );
    expect(entry).toEqual({ decision: 'CONTRACT_SIGNED' });
  });
});
