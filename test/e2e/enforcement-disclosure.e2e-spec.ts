import type { DataSource } from 'typeorm';
import { CHECKLIST_ITEMS } from '@lawgate/domain';
import type { ApiClient, HttpResult } from '../support/http';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
}
interface Disclosure {
  procedureId: string;
  title: string;
  departmentName: string;
  outcome: string;
  decision: string;
  decidedAt: string;
  disclosure: string;
  disclosedAt: string;
}

/**
 * The disclosure of major enforcement decisions with the statutory periods (G-C8; 行政处罚法 Art 48): a penalty is
 * due for disclosure within 7 working days of the decision and an inspection decision within 20, counted on the
 * working-day calendar; a disclosed decision is on the public list and feed without signing in; once it is revoked
 * its withdrawal is due within 3 working days, and the withdrawn disclosure leaves the public list and feed.
 */
describe('the public disclosure of major enforcement decisions', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-er-disclosure');
  beforeAll(() => {
    ({ http, db } = stack);
  });

  const ok = <T>(res: HttpResult<T>): T => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const step = async (user: string, id: string, name: string, body: unknown = {}) =>
    ok(await http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body }));
  const upload = async (id: string, kind: string, text: string) =>
    ok(
      await http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/${kind}`, {
        rawBody: text,
        headers: { 'content-type': 'text/plain' },
      }),
    );
  const publicList = async () => {
    const res = await http.request<Disclosure[]>('GET', '/api/public/enforcement-disclosures');
    expect(res.status).toBe(200);
    return res.body;
  };
  const feedIds = async () => {
    const res = await http.request<{ version: string; items: { _lawgate: Disclosure }[] }>(
      'GET',
      '/api/public/feeds/enforcement-disclosures.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('https://jsonfeed.org/version/1.1');
    return res.body.items.map((i) => i._lawgate.procedureId);
  };
  /** The due time of the open task of a procedure, and what the calendar says a period from the decision ends at. */
  const openTaskDue = async (id: string) =>
    (
      await db.query<{ kind: string; due_at: Date }[]>(
        `SELECT kind, due_at FROM task WHERE procedure_id = $1 AND status = 'OPEN'`,
        [id],
      )
    ).map((t) => ({ kind: t.kind, dueAt: t.due_at.toISOString() }));
  const calendarDue = async (from: Date, amount: number) => {
    const day = new Date(from.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = ok(
      await http.as<{ dueAt: string }>(
        'officer.zhang',
        'GET',
        `/api/calendar/deadline?from=${day}&amount=${amount}&unit=WORKING_DAYS`,
      ),
    );
    return res.dueAt;
  };
  const recordedAt = async (id: string, decision: string) =>
    (
      await db.query<{ recorded_at: Date }[]>(
        'SELECT recorded_at FROM ledger_entry WHERE procedure_id = $1 AND decision = $2',
        [id, decision],
      )
    )[0].recorded_at;

  /** A case of `decisionKind` through the review to its decision: the procedure waits for the disclosure. */
  async function decided(decisionKind: string, measure: string, title: string): Promise<string> {
    const s = ok(
      await http.as<Snapshot>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
        body: {
          caseNumber: `GS-${uniqueSuffix()}`,
          title,
          decisionKind,
          measure,
          field: '市场监管',
          amountYuan: 200000,
          statutoryGrounds: ['MAJOR_PUBLIC_INTEREST'],
          complexOrSerious: false,
          caseHandlers: ['drafter.mkt', 'inspector.mkt'],
        },
      }),
    );
    const id = s.procedureId;
    const draft = await upload(id, 'DRAFT', `决定书（草稿）${id}`);
    const evidence = await upload(id, 'EVIDENCE', `现场检查笔录 ${id}`);
    await step('drafter.mkt', id, 'submit-case', {
      materials: {
        facts: '经查属实',
        evidence: [{ title: '现场检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 }],
        provisions: ['《产品质量法》第四十九条'],
        discretionStandard: '裁量基准',
        proposedDecision: '罚款二十万元',
        hearingHeld: false,
      },
    });
    await step('officer.zhang', id, 'accept-materials');
    const sha = draft.documents.DRAFT.sha256;
    await step('officer.zhang', id, 'conclusion', {
      conclusion: 'AGREE',
      reasons: '事实清楚，证据确凿',
      checklist: CHECKLIST_ITEMS.map((item) => ({ item, ok: true, note: '符合' })),
      reviewedSha256: sha,
      noConflictDeclared: true,
    });
    const after = await step('leader.zhou', id, 'decision', {
      outcome: decisionKind === 'PENALTY' ? 'PENALTY' : 'OTHER',
      decisionNumber: `坛市监决〔2026〕${uniqueSuffix()}号`,
      summary: '罚款二十万元',
      decidedSha256: sha,
    });
    expect(after.stage).toBe('DISCLOSURE');
    return id;
  }

  it('is due within 20 working days for a decision other than a penalty or permit', async () => {
    const id = await decided('INSPECTION', 'OTHER', `检查决定公开（${uniqueSuffix()}）`);
    const due = await calendarDue(await recordedAt(id, 'DECIDED_OTHER'), 20);
    expect(await openTaskDue(id)).toEqual([{ kind: 'ER_DISCLOSURE', dueAt: due }]);
    // Not disclosed yet: not on the public list.
    expect((await publicList()).map((d) => d.procedureId)).not.toContain(id);
  });

  it('lists a disclosed penalty publicly within 7 working days, and drops it once its withdrawal is recorded', async () => {
    const title = `某商贸公司行政处罚决定公开（${uniqueSuffix()}）`;
    const id = await decided('PENALTY', 'FINE', title);
    const decidedAt = await recordedAt(id, 'DECIDED_PENALTY');
    expect(await openTaskDue(id)).toEqual([{ kind: 'ER_DISCLOSURE', dueAt: await calendarDue(decidedAt, 7) }]);

    const disclosed = await step('drafter.mkt', id, 'disclosure', {
      channel: '金坛区行政执法公示平台',
      reference: `GS-${id.slice(0, 8)}`,
    });
    expect([disclosed.stage, disclosed.status]).toEqual(['DISCLOSED', 'IN_FORCE']);
    const listed = (await publicList()).find((d) => d.procedureId === id);
    expect(listed).toEqual({
      procedureId: id,
      title,
      departmentName: expect.any(String) as string,
      outcome: 'PENALTY',
      decision: expect.stringContaining('罚款二十万元') as string,
      decidedAt: decidedAt.toISOString(),
      disclosure: `金坛区行政执法公示平台：GS-${id.slice(0, 8)}`,
      disclosedAt: expect.any(String) as string,
    });
    expect(await feedIds()).toContain(id);

    // Revoked: still public until the withdrawal, which is due within 3 working days of the report.
    await step('drafter.mkt', id, 'report-revocation', { reason: '复议机关撤销原处罚决定' });
    const reportedAt = await recordedAt(id, 'DECISION_REVOKED');
    expect(await openTaskDue(id)).toEqual([{ kind: 'ER_WITHDRAWAL', dueAt: await calendarDue(reportedAt, 3) }]);
    expect((await publicList()).map((d) => d.procedureId)).toContain(id);

    const withdrawn = await step('drafter.mkt', id, 'withdraw-disclosure', { reference: `CH-${id.slice(0, 8)}` });
    expect(withdrawn.stage).toBe('REVOKED');
    expect((await publicList()).map((d) => d.procedureId)).not.toContain(id);
    expect(await feedIds()).not.toContain(id);
  });

  it('refuses a bad limit with a clear error, without signing in', async () => {
    const bad = await http.request<{ code: string }>('GET', '/api/public/enforcement-disclosures?limit=0');
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
