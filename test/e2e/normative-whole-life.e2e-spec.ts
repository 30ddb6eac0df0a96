import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { useStack } from '../support/stack';
import { validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
  commentWindow?: { closed: boolean } | null;
  registration?: { number: string; registerEntryId: string } | null;
  filings?: { filingId: string; recipient: string; status: string }[];
  validity?: { effectiveAt: string | null; expiresAt: string | null; continuations: unknown[] };
  evaluationTaskId?: string | null;
  amendment?: { source: string; procedureId: string | null; taskId: string | null } | null;
  amends?: { procedureId: string } | null;
  expiresAt?: string | null;
}
interface Detail {
  stage: string;
  status: string;
  live: Snapshot;
  ledger: { decision: string; stage: string }[];
  tasks: { id: string; kind: string; status: string; assigneeUserId: string | null }[];
}
interface Entry {
  id: string;
  number: string;
  status: string;
  effective_at: Date | null;
  valid_until: string;
  replaced_by_entry_id: string | null;
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/**
 * A normative document's whole life over HTTP with the demonstration periods: published with its number, filed with
 * the recipients its issuer (the district government) requires, evaluated before expiry and continued with a new
 * validity, then amended through a linked procedure that replaces it when it takes effect, and the amendment in turn
 * left to expire. Register states and ledger entries are checked at each step.
 */
describe('a normative document from publication to replacement and expiry', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-nd-life', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  let a: string;
  let b: string;

  beforeAll(() => {
    ({ http, db } = stack);
  });

  const ok = (res: HttpResult<Snapshot>): Snapshot => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const detail = async (id: string) => (await http.as<Detail>('officer.zhang', 'GET', `/api/procedures/${id}`)).body;
  const ledger = async (id: string) => (await detail(id)).ledger.map((e) => e.decision);
  const entryOf = async (id: string) =>
    (
      await db.query<Entry[]>(
        'SELECT id, number, status, effective_at, valid_until, replaced_by_entry_id FROM register_entry WHERE procedure_id = $1',
        [id],
      )
    )[0];
  const step = (user: string, id: string, name: string, body: unknown = {}) =>
    http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const upload = (id: string, kind: string, text: string) =>
    http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}/documents/${kind}`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });

  /** Starts a document (optionally amending another), and takes it to publication with the given effect. */
  async function throughPublication(o: { title: string; amends?: string; effectiveIn: number; validFor: number }) {
    let s = ok(
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: {
          projectCode: uniqueSuffix(),
          title: o.title,
          application: validApplication,
          ...(o.amends ? { amends: o.amends } : {}),
        },
      }),
    );
    const id = s.procedureId;
    ok(await step('officer.zhang', id, 'project-approval', { decision: 'APPROVED', opinion: '同意立项' }));
    ok(await upload(id, 'DRAFT', `第一条 ${o.title}。\n第二条 本办法自施行之日起施行。\n`));
    ok(await upload(id, 'DRAFTING_EXPLANATION', '起草说明'));
    ok(await upload(id, 'BASIS_LIST', '制定依据'));
    ok(await step('drafter.edu', id, 'complete-drafting', { note: '完成' }));
    ok(
      await step('drafter.edu', id, 'fair-competition-review', {
        conclusion: 'COMPLIANT',
        summary: '未含限制竞争内容',
      }),
    );
    // A government document: the market regulation department reviews after the drafting unit (公平竞争审查条例 Art 14).
    ok(
      await step('drafter.mkt', id, 'market-regulation-review', {
        conclusion: 'COMPLIANT',
        summary: '经审查，未含排除、限制竞争的内容',
      }),
    );
    ok(await step('drafter.edu', id, 'comment-window', {}));
    await eventually(async () => expect((await detail(id)).live.commentWindow?.closed).toBe(true), 30000);
    ok(await step('drafter.edu', id, 'complete-public-comment', { note: '无意见' }));
    ok(await upload(id, 'OWN_LEGALITY_OPINION', '经审核，合法。'));
    ok(await step('drafter.edu', id, 'submit-for-review', { note: '经审核合法' }));
    ok(await step('officer.zhang', id, 'materials-check', { complete: true, note: '齐全' }));
    const review = (await detail(id)).tasks.find((t) => t.kind === 'LEGALITY_REVIEW' && t.status === 'OPEN')!;
    const [{ username: reviewer }] = await db.query<{ username: string }[]>(
      'SELECT username FROM app_user WHERE id = $1',
      [review.assigneeUserId],
    );
    s = await eventually(async () => {
      const sha = (await detail(id)).live.documents!.DRAFT.sha256;
      return ok(
        await step(reviewer, id, 'legality-opinion', { conclusion: 'LAWFUL', reasons: '', reviewedSha256: sha }),
      );
    });
    expect(s.stage).toBe('DELIBERATION');
    ok(
      await step('leader.zhou', id, 'deliberation', {
        decision: 'ADOPTED',
        meeting: '区政府第12次常务会议',
        meetingKind: 'EXECUTIVE',
        meetingDate: '2026-11-20',
        minutes: '审议通过，区长签发。',
      }),
    );
    s = ok(await step('officer.zhang', id, 'registration', {}));
    const number = s.registration!.number;
    // The drafter sets the effective date last, just before publication, so that the validity's timers count from
    // the publication however long the steps before it took (here sooner than the policy's earliest, with the reason
    // recorded).
    const early = await step('drafter.edu', id, 'effective-date', { effectiveDate: inSeconds(1) });
    expect(early.status).toBe(422);
    expect((early.body as unknown as { message: string }).message).toContain('国办发〔2018〕37号');
    ok(
      await step('drafter.edu', id, 'effective-date', {
        effectiveDate: inSeconds(o.effectiveIn),
        validUntil: inSeconds(o.validFor),
        earlyEffectReason: '演示：公布后即施行',
      }),
    );
    s = ok(
      await step('officer.zhang', id, 'publication', {
        channel: 'WEBSITE',
        reference: `https://www.jintan.gov.cn/${id}`,
      }),
    );
    expect(s).toMatchObject({ stage: 'IN_FORCE', status: 'IN_FORCE' });
    return { id, number, snapshot: s };
  }

  async function evaluation(id: string, previous?: string | null): Promise<string> {
    return eventually(
      async () => {
        const live = (await detail(id)).live;
        expect(live.evaluationTaskId).toBeTruthy();
        expect(live.evaluationTaskId).not.toBe(previous);
        return live.evaluationTaskId!;
      },
      60000,
      500,
    );
  }

  it('should publish with its number and file with the city government and the district NPC standing committee', async () => {
    // In force three seconds after publication, until eighteen: its evaluation opens halfway (about eleven seconds).
    const published = await throughPublication({ title: '金坛区校外培训机构管理办法', effectiveIn: 3, validFor: 18 });
    a = published.id;
    const entry = await entryOf(a);
    expect(entry).toMatchObject({ number: published.number, status: 'IN_FORCE' });
    expect(entry.effective_at?.toISOString()).toBe(published.snapshot.validity!.effectiveAt);
    const filings = await db.query<{ id: string; recipient: string; status: string }[]>(
      'SELECT id, recipient, status FROM filing WHERE register_entry_id = $1 ORDER BY recipient',
      [entry.id],
    );
    expect(filings.map((f) => f.recipient).sort()).toEqual(
      ['常州市人民政府（市司法局）', '金坛区人民代表大会常务委员会'].sort(),
    );
    for (const f of published.snapshot.filings!) {
      ok(await step('officer.zhang', a, 'filing-events', { filingId: f.filingId, event: 'SUBMITTED', note: '报送' }));
      ok(
        await step('officer.zhang', a, 'filing-events', { filingId: f.filingId, event: 'ACCEPTED', note: '准予备案' }),
      );
    }
    const accepted = await db.query<{ status: string }[]>('SELECT status FROM filing WHERE register_entry_id = $1', [
      entry.id,
    ]);
    expect(accepted.map((f) => f.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    // No amendment was decided: an amendment procedure of it is refused, as is one of a document that does not exist.
    const start = (amends: string) =>
      http.as<{ code: string; message: string }>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '未经评估的修订', application: validApplication, amends },
      });
    const premature = await start(a);
    expect({ status: premature.status, code: premature.body.code }).toEqual({ status: 409, code: 'WRONG_STAGE' });
    expect((await start('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const decisions = await ledger(a);
    expect(decisions).toEqual(expect.arrayContaining(['EFFECTIVE_DATE_SET', 'DISCRETION_EARLY_EFFECT', 'REGISTERED']));
    expect(decisions.slice(-3)).toEqual(['PUBLISHED', 'FILING_ACCEPTED', 'FILING_ACCEPTED']);
  }, 120000);

  it('should evaluate before expiry and continue with a new validity, recorded in the register', async () => {
    const taskId = await evaluation(a);
    const before = (await detail(a)).live.expiresAt!;
    // The next evaluation opens halfway to the new end, eight seconds on.
    const newEnd = inSeconds(16);
    const s = ok(
      await step('officer.zhang', a, 'evaluation', {
        decision: 'CONTINUE',
        reason: '评估：仍需施行',
        validUntil: newEnd,
      }),
    );
    expect(s.expiresAt).toBe(newEnd);
    expect(Date.parse(newEnd)).toBeGreaterThan(Date.parse(before));
    expect((await detail(a)).tasks.find((t) => t.id === taskId)?.status).not.toBe('OPEN');
    const [audit] = await db.query<{ reason: string }[]>(
      `SELECT reason FROM audit_entry WHERE procedure_id = $1 AND action = 'register.validity.continued'`,
      [a],
    );
    expect(audit.reason).toContain('继续施行');
    expect((await entryOf(a)).status).toBe('IN_FORCE');
    expect((await ledger(a)).slice(-1)).toEqual(['EVALUATED_CONTINUE']);
  }, 90000);

  it('should amend through a linked procedure: the drafting department is asked, and starts it', async () => {
    const first = (await detail(a)).ledger.length;
    const taskId = await evaluation(a, null);
    let s = ok(await step('officer.zhang', a, 'evaluation', { decision: 'AMEND', reason: '上位法修改，需修订' }));
    expect(s.amendment).toMatchObject({ source: 'EVALUATION', procedureId: null });
    const amendmentTask = (await detail(a)).tasks.find((t) => t.kind === 'AMENDMENT' && t.status === 'OPEN');
    expect(amendmentTask).toBeDefined();
    expect(taskId).toBeTruthy();
    const published = await throughPublication({
      title: '金坛区校外培训机构管理办法（修订）',
      amends: a,
      // In force some seconds after publication (the old document held until then), its evaluation halfway to the end.
      effectiveIn: 8,
      validFor: 22,
    });
    b = published.id;
    expect(published.snapshot.amends).toMatchObject({ procedureId: a });
    s = (await detail(a)).live;
    expect(s.amendment).toMatchObject({ procedureId: b, taskId: null });
    expect((await ledger(a)).slice(first)).toEqual(['EVALUATED_AMEND', 'AMENDMENT_STARTED']);
  }, 150000);

  it('should keep the old document in force until the amendment takes effect, then replace it', async () => {
    const replaced = await eventually(
      async () => {
        const d = await detail(a);
        expect(d).toMatchObject({ stage: 'REPLACED', status: 'ENDED' });
        return d;
      },
      40000,
      500,
    );
    const old = await entryOf(a);
    const amendment = await entryOf(b);
    // The old entry went from IN_FORCE straight to REPLACED: it never expired while the amendment was under way.
    expect(old).toMatchObject({ status: 'REPLACED', replaced_by_entry_id: amendment.id });
    expect(amendment.status).toBe('IN_FORCE');
    expect(Date.now()).toBeGreaterThanOrEqual(amendment.effective_at!.getTime());
    expect(replaced.ledger.slice(-1).map((e) => [e.stage, e.decision])).toEqual([['IN_FORCE', 'REPLACED']]);
    const statuses = await db.query<{ action: string }[]>(
      `SELECT action FROM audit_entry WHERE procedure_id = $1 AND action LIKE 'register.%' ORDER BY at`,
      [a],
    );
    expect(statuses.map((r) => r.action)).not.toContain('register.expired');
    const pub = await http.request<{ status: string }>('GET', `/api/public/register/${old.id}`);
    expect(pub.body.status).toBe('REPLACED');
  }, 90000);

  it('should let the amendment expire when its evaluation so decides', async () => {
    await evaluation(b);
    ok(await step('officer.zhang', b, 'evaluation', { decision: 'EXPIRE', reason: '调整对象已消失，届满失效' }));
    await eventually(
      async () => expect(await detail(b)).toMatchObject({ stage: 'EXPIRED', status: 'ENDED' }),
      60000,
      500,
    );
    expect((await entryOf(b)).status).toBe('EXPIRED');
    expect((await ledger(b)).slice(-1)).toEqual(['EVALUATED_EXPIRE']);
    const verify = await http.as<{ ok: boolean }>('officer.zhang', 'GET', '/api/admin/ledger/verify');
    expect(verify.body.ok).toBe(true);
  }, 90000);
});
