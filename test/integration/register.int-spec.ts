import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { RegisterActivities, type RegisterDocumentInput } from '../../activities/register.activities';
import { AppConfigModule } from '@lawgate/config';
import { ErrorCode, type Actor, registrationYear } from '@lawgate/domain';
import { DocumentRepository, RegisterRepository } from '@lawgate/persistence';
import { actorOf, freshSeries, insertProcedures } from '../support/register';
import { uniqueSuffix } from '../support/test-env';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  const failure = err as ApplicationFailure;
  expect(failure.nonRetryable).toBe(true);
  return failure;
}

/** Registration, numbering, publication and filing against the real database: numbers gap-free, never reused. */
describe(RegisterActivities.name, () => {
  let activities: RegisterActivities;
  let register: RegisterRepository;
  let documents: DocumentRepository;
  let db: DataSource;
  let close: () => Promise<void>;
  let officer: Actor;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    const app = await moduleRef.init();
    activities = app.get(RegisterActivities);
    register = app.get(RegisterRepository);
    documents = app.get(DocumentRepository);
    db = app.get(DataSourceToken);
    close = () => app.close();
    officer = await actorOf(db, 'officer.zhang');
  });

  afterAll(async () => close());

  async function inputs(
    series: { issuerUnitId: string; series: string },
    count: number,
    title = '金坛区测试管理办法',
  ): Promise<RegisterDocumentInput[]> {
    const procedures = await insertProcedures(db, count);
    return procedures.map(({ procedureId, workflowId }) => ({
      procedureId,
      workflowId,
      issuerUnitId: series.issuerUnitId,
      series: series.series,
      title,
      documentSha256: sha(`${procedureId} text`),
      validityYears: 5,
      registeredBy: officer,
      idempotencyKey: `registration:${procedureId}`,
    }));
  }

  async function published(series: { issuerUnitId: string; series: string }) {
    const [input] = await inputs(series, 1);
    const registered = await activities.registerDocument(input);
    const text = Buffer.from(`${input.title}\n第一条 ……`);
    await documents.storeBlob(sha(text.toString()), text);
    const publication = await activities.recordPublication({
      registerEntryId: registered.registerEntryId,
      procedureId: input.procedureId,
      channel: 'GAZETTE',
      reference: '金坛区人民政府公报 2026年第3期',
      publishedAt: new Date().toISOString(),
      textSha256: sha(text.toString()),
      actor: officer,
      idempotencyKey: `publish:${input.procedureId}`,
    });
    return { input, registered, publication };
  }

  it('should number concurrent registrations 1, 2, 3, ... without gaps or duplicates', async () => {
    const series = await freshSeries(db);
    const year = registrationYear(new Date());
    const all = await inputs(series, 20);
    const results = await Promise.all(all.map((input) => activities.registerDocument(input)));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const r of results) {
      expect(r.number).toBe(`${series.prefix}〔${year}〕${r.seq}号`);
      expect(r.year).toBe(year);
    }
    expect(await register.lastSeq(series.seriesId, year)).toBe(20);
    const audits = await db.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM audit_entry WHERE action = 'register.registered' AND procedure_id = ANY($1)",
      [all.map((i) => i.procedureId)],
    );
    expect(Number(audits[0].n)).toBe(20);
  });

  it('should number registrations that queue behind the counter together, and one by one when one of them fails', async () => {
    const series = await freshSeries(db);
    const year = registrationYear(new Date());
    const take = (i: RegisterDocumentInput) =>
      register.registerWithNextNumber(
        {
          procedureId: i.procedureId,
          workflowId: i.workflowId,
          issuerSeriesId: series.seriesId,
          prefix: series.prefix,
          year,
          title: i.title,
          documentSha256: i.documentSha256,
          registeredAt: new Date(),
          registeredBy: officer.userId,
          validUntil: '2031-12-31',
          idempotencyKey: i.idempotencyKey,
        },
        { actorKind: 'USER', dedupKey: `register:${i.idempotencyKey}` },
      );
    const first = await inputs(series, 1);
    await register.ensureCounter(db.manager, series.seriesId, year);
    await take(first[0]);
    // The first goes alone; the others arrive while it holds the counter and are numbered by one statement.
    const batch = await inputs(series, 8);
    const together = await Promise.all(batch.map(take));
    expect(together.map((r) => r!.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const ids = await db.query<{ id: string }[]>(
      'SELECT a.id FROM audit_entry a WHERE a.dedup_key = ANY($1) ORDER BY a.id',
      [batch.map((i) => `register:${i.idempotencyKey}`)],
    );
    expect(ids).toHaveLength(8);
    // A batch with a procedure that does not exist and a key used twice: nothing of it stays, then each is numbered
    // on its own; the others get the next numbers without a gap, the two failures their own errors.
    const next = await inputs(series, 4);
    const missing = { ...next[1], procedureId: '00000000-0000-4000-8000-000000000001' };
    const results = await Promise.allSettled([
      take(next[0]),
      take(next[0]),
      take(missing),
      take(next[2]),
      take(next[3]),
    ]);
    const seqs = results.map((r) =>
      r.status === 'fulfilled'
        ? r.value!.seq
        : (r.reason as { driverError?: { constraint?: string } }).driverError?.constraint,
    );
    expect(seqs).toEqual([10, 'uq_register_entry_idempotency', 'fk_register_entry_procedure', 11, 12]);
    expect(await register.lastSeq(series.seriesId, year)).toBe(12);
    const audits = await db.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM audit_entry WHERE action = 'register.registered' AND procedure_id = ANY($1)",
      [[...first, ...batch, ...next].map((i) => i.procedureId)],
    );
    expect(Number(audits[0].n)).toBe(12);
  });

  it('should return the same number to a retry with the same key, without advancing the counter', async () => {
    const series = await freshSeries(db);
    const [input] = await inputs(series, 1);
    const first = await activities.registerDocument(input);
    const year = first.year;
    // Retries after the commit, one after the other and at once.
    const again = await activities.registerDocument(input);
    const racing = await Promise.all([activities.registerDocument(input), activities.registerDocument(input)]);
    expect(again).toEqual(first);
    expect(racing).toEqual([first, first]);
    expect(await register.lastSeq(series.seriesId, year)).toBe(1);
    const rows = await db.query<unknown[]>('SELECT 1 FROM register_entry WHERE procedure_id = $1', [input.procedureId]);
    expect(rows).toHaveLength(1);
    const [next] = await inputs(series, 1);
    expect((await activities.registerDocument(next)).seq).toBe(2);
  });

  it('should never give a voided number again', async () => {
    const series = await freshSeries(db);
    const [a, b] = await inputs(series, 2);
    const first = await activities.registerDocument(a);
    const voidInput = {
      registerEntryId: first.registerEntryId,
      reason: '集体审议后决定不予印发',
      actor: officer,
      idempotencyKey: `void:${a.procedureId}`,
    };
    await activities.voidRegisteredNumber(voidInput);
    await activities.voidRegisteredNumber(voidInput);
    const second = await activities.registerDocument(b);
    expect(second.seq).toBe(first.seq + 1);
    expect(second.number).not.toBe(first.number);
    const voided = await db.query<{ number: string; reason: string }[]>(
      'SELECT number, reason FROM voided_number WHERE register_entry_id = $1',
      [first.registerEntryId],
    );
    expect(voided).toEqual([{ number: first.number, reason: '集体审议后决定不予印发' }]);
    const [entry] = await db.query<{ status: string; voided_at: Date | null }[]>(
      'SELECT status, voided_at FROM register_entry WHERE id = $1',
      [first.registerEntryId],
    );
    expect(entry.status).toBe('VOIDED');
    expect(entry.voided_at).not.toBeNull();
    // A voided number is not published.
    const text = Buffer.from('作废文本');
    await documents.storeBlob(sha('作废文本'), text);
    const refused = await refusal(
      activities.recordPublication({
        registerEntryId: first.registerEntryId,
        procedureId: a.procedureId,
        channel: 'WEBSITE',
        reference: 'https://www.jintan.gov.cn/x',
        publishedAt: new Date().toISOString(),
        textSha256: sha('作废文本'),
        actor: officer,
        idempotencyKey: `publish:${a.procedureId}`,
      }),
    );
    expect(refused.type).toBe(ErrorCode.WrongStage);
  });

  it('should put a document in force only when its publication is recorded, once per key', async () => {
    const series = await freshSeries(db);
    const [input] = await inputs(series, 1);
    const registered = await activities.registerDocument(input);
    const [before] = await db.query<{ status: string }[]>('SELECT status FROM register_entry WHERE id = $1', [
      registered.registerEntryId,
    ]);
    expect(before.status).toBe('REGISTERED');
    const publication = {
      registerEntryId: registered.registerEntryId,
      procedureId: input.procedureId,
      channel: 'WEBSITE',
      reference: 'https://www.jintan.gov.cn/zfxxgk/2026/3.html',
      publishedAt: '2026-03-02T01:00:00.000Z',
      textSha256: sha('unstored'),
      actor: officer,
      idempotencyKey: `publish:${input.procedureId}`,
    };
    expect((await refusal(activities.recordPublication(publication))).type).toBe(ErrorCode.RuleViolation);
    const text = Buffer.from('金坛区测试管理办法\n第一条');
    await documents.storeBlob(sha(text.toString()), text);
    const first = await activities.recordPublication({ ...publication, textSha256: sha(text.toString()) });
    const again = await activities.recordPublication({ ...publication, textSha256: sha(text.toString()) });
    expect(again).toEqual(first);
    expect(first.effectiveAt).toBe('2026-03-02T01:00:00.000Z');
    const [after] = await db.query<{ status: string; in_force_at: Date }[]>(
      'SELECT status, in_force_at FROM register_entry WHERE id = $1',
      [registered.registerEntryId],
    );
    expect(after.status).toBe('IN_FORCE');
    const count = await db.query<unknown[]>('SELECT 1 FROM publication WHERE register_entry_id = $1', [
      registered.registerEntryId,
    ]);
    expect(count).toHaveLength(1);
    // A repealed document is not published again.
    await activities.setRegisterStatus({
      registerEntryId: registered.registerEntryId,
      status: 'REPEALED',
      reason: '2026年规范性文件清理：废止',
      actor: officer,
      idempotencyKey: `repeal:${input.procedureId}`,
    });
    const refused = await refusal(
      activities.recordPublication({ ...publication, textSha256: sha(text.toString()), idempotencyKey: 'again' }),
    );
    expect(refused.type).toBe(ErrorCode.WrongStage);
  });

  it('should run the filing correction loop until acceptance, which is final', async () => {
    const series = await freshSeries(db);
    const [unpublished] = await inputs(series, 1);
    const registered = await activities.registerDocument(unpublished);
    const openInput = (registerEntryId: string, procedureId: string) => ({
      registerEntryId,
      procedureId,
      recipient: '常州市人民政府',
      dueAt: new Date(Date.now() + 30 * 86400000).toISOString(),
      packageItems: [
        { kind: 'FILING_REPORT', versionId: 'v-report', sha256: sha('report') },
        { kind: 'TEXT', versionId: 'v-text', sha256: sha('text') },
      ],
      idempotencyKey: `filing:${procedureId}`,
    });
    const early = await refusal(activities.openFiling(openInput(registered.registerEntryId, unpublished.procedureId)));
    expect(early.type).toBe(ErrorCode.WrongStage);

    const { input, registered: entry } = await published(series);
    const { filingId } = await activities.openFiling(openInput(entry.registerEntryId, input.procedureId));
    expect(await activities.openFiling(openInput(entry.registerEntryId, input.procedureId))).toEqual({ filingId });
    const step = (event: 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED' | 'ACCEPTED', key: string) =>
      activities.recordFilingEvent({ filingId, event, note: `${event} 说明`, actor: officer, idempotencyKey: key });
    expect(await step('SUBMITTED', `${filingId}:1`)).toEqual({ status: 'SUBMITTED' });
    expect(await step('CORRECTION_REQUESTED', `${filingId}:2`)).toEqual({ status: 'CORRECTION_REQUESTED' });
    expect((await refusal(step('ACCEPTED', `${filingId}:x`))).type).toBe(ErrorCode.WrongStage);
    expect(await step('RESUBMITTED', `${filingId}:3`)).toEqual({ status: 'SUBMITTED' });
    expect(await step('CORRECTION_REQUESTED', `${filingId}:4`)).toEqual({ status: 'CORRECTION_REQUESTED' });
    expect(await step('RESUBMITTED', `${filingId}:5`)).toEqual({ status: 'SUBMITTED' });
    expect(await step('ACCEPTED', `${filingId}:6`)).toEqual({ status: 'ACCEPTED' });
    // A retried step is recorded once; after acceptance nothing moves.
    expect(await step('ACCEPTED', `${filingId}:6`)).toEqual({ status: 'ACCEPTED' });
    expect((await refusal(step('CORRECTION_REQUESTED', `${filingId}:7`))).type).toBe(ErrorCode.WrongStage);
    const events = await register.filingEvents(filingId);
    expect(events.map((e) => e.event)).toEqual([
      'SUBMITTED',
      'CORRECTION_REQUESTED',
      'RESUBMITTED',
      'CORRECTION_REQUESTED',
      'RESUBMITTED',
      'ACCEPTED',
    ]);
    const [filing] = await db.query<{ status: string; accepted_at: Date | null; package: unknown[] }[]>(
      'SELECT status, accepted_at, package FROM filing WHERE id = $1',
      [filingId],
    );
    expect(filing.status).toBe('ACCEPTED');
    expect(filing.accepted_at).not.toBeNull();
    expect(filing.package).toHaveLength(2);
  });

  it('should count each issuer, series and year on its own', async () => {
    const edu = await freshSeries(db, 'JT-EDU');
    const eduOther = { ...(await freshSeries(db, 'JT-EDU')) };
    const mkt = await freshSeries(db, 'JT-MKT');
    const year = registrationYear(new Date());
    // Numbers given in another year do not move this year's sequence.
    await db.query('INSERT INTO number_counter (issuer_series_id, year, last_seq) VALUES ($1, $2, 41)', [
      edu.seriesId,
      year - 1,
    ]);
    const [e1, e2] = await inputs(edu, 2);
    const [o1] = await inputs(eduOther, 1);
    const [m1] = await inputs(mkt, 1);
    const results = await Promise.all([e1, o1, m1, e2].map((i) => activities.registerDocument(i)));
    expect(results.map((r) => r.seq).sort()).toEqual([1, 1, 1, 2]);
    expect(results[1].number).toBe(`${eduOther.prefix}〔${year}〕1号`);
    expect(results[2].number).toBe(`${mkt.prefix}〔${year}〕1号`);
    expect(await register.lastSeq(edu.seriesId, year - 1)).toBe(41);
    expect(await register.lastSeq(edu.seriesId, year)).toBe(2);
  });

  it('should refuse an unknown issuer or series without retrying, naming it', async () => {
    const [input] = await inputs({ issuerUnitId: (await freshSeries(db)).issuerUnitId, series: 'NO-SUCH' }, 1);
    const failure = await refusal(activities.registerDocument(input));
    expect(failure.type).toBe(ErrorCode.RuleViolation);
    expect(failure.message).toContain('NO-SUCH');
    expect(failure.message).toContain(input.issuerUnitId);
  });

  it('should use the seeded series of the demo issuers', async () => {
    const [unit] = await db.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-MKT'");
    const [input] = await inputs({ issuerUnitId: unit.id, series: 'NORMATIVE' }, 1, '金坛区市场主体登记暂行办法');
    const registered = await activities.registerDocument({ ...input, validityYears: 2 });
    expect(registered.number).toMatch(/^坛市监规〔\d{4}〕[1-9]\d*号$/);
  });

  it('should expire and repeal in-force documents and page them by id for clean-up', async () => {
    const series = await freshSeries(db);
    const docs = [await published(series), await published(series), await published(series)];
    const ids = new Set(docs.map((d) => d.registered.registerEntryId));
    const seen: string[] = [];
    let afterId: string | null = null;
    for (;;) {
      const page = await activities.listInForce({ afterId, limit: 50 });
      if (page.length === 0) break;
      seen.push(...page.map((p) => p.registerEntryId));
      afterId = page[page.length - 1].registerEntryId;
    }
    expect([...seen].sort()).toEqual(seen);
    expect(seen.filter((id) => ids.has(id))).toHaveLength(3);

    const expire = {
      registerEntryId: docs[0].registered.registerEntryId,
      status: 'EXPIRED' as const,
      reason: '有效期届满',
      actor: null,
      idempotencyKey: `expire:${uniqueSuffix()}`,
    };
    await activities.setRegisterStatus(expire);
    await activities.setRegisterStatus(expire);
    const inForce = await activities.listInForce({ afterId: null, limit: 1000 });
    expect(inForce.map((d) => d.registerEntryId)).not.toContain(docs[0].registered.registerEntryId);
    const [row] = await db.query<{ status: string; expired_at: Date | null; status_reason: string }[]>(
      'SELECT status, expired_at, status_reason FROM register_entry WHERE id = $1',
      [expire.registerEntryId],
    );
    expect(row).toMatchObject({ status: 'EXPIRED', status_reason: '有效期届满' });
    const audits = await db.query<{ actor_kind: string }[]>(
      "SELECT actor_kind FROM audit_entry WHERE action = 'register.expired' AND details->>'registerEntryId' = $1",
      [expire.registerEntryId],
    );
    expect(audits).toEqual([{ actor_kind: 'SYSTEM' }]);
  });
});
