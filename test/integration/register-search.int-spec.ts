import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { RegisterActivities } from '../../activities/register.activities';
import { RegisterService } from '../../apps/api/src/register/register.service';
import { AppConfigModule } from '@lawgate/config';
import { DocumentRepository, RegisterRepository } from '@lawgate/persistence';
import { makeDocx } from '../support/docx';
import { actorOf, freshSeries, insertProcedures } from '../support/register';
import { uniqueSuffix } from '../support/test-env';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The register's search finds a document by a word inside its text (a .docx), not only by its title. */
describe('register full-text search (jieba + PostgreSQL text search)', () => {
  let activities: RegisterActivities;
  let documents: DocumentRepository;
  let service: RegisterService;
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    const app = await moduleRef.init();
    activities = app.get(RegisterActivities);
    documents = app.get(DocumentRepository);
    db = app.get(DataSourceToken);
    service = new RegisterService(app.get(RegisterRepository), documents);
    close = () => app.close();
  });
  afterAll(async () => close());

  /** Stores a .docx as the procedure's draft version; its SHA-256. */
  async function addDraft(procedureId: string, uploadedBy: string, body: Buffer, filename: string): Promise<string> {
    const sha256 = createHash('sha256').update(body).digest('hex');
    await documents.storeBlob(sha256, body);
    await db.transaction((manager) =>
      documents.addVersion(manager, {
        procedureId,
        kind: 'DRAFT',
        sha256,
        size: body.length,
        mediaType: DOCX,
        filename,
        note: '',
        uploadedBy,
        idempotencyKey: `search-${uniqueSuffix()}`,
      }),
    );
    return sha256;
  }

  it('should find a registered .docx by a word of its text that its title does not have', async () => {
    const series = await freshSeries(db);
    const [procedure] = await insertProcedures(db, 1);
    const officer = await actorOf(db, 'officer.zhang');
    // A word no other test uses, inside the text only.
    const word = `浔溪${['甲', '乙', '丙', '丁'][Math.floor(Math.random() * 4)]}湾`;
    const body = await makeDocx([`第一条 ${word}湿地保护区内禁止新建排污口。`, `第二条 本办法自发布之日起施行。`]);
    const sha256 = await addDraft(procedure.procedureId, officer.userId, body, '办法.docx');
    const title = `金坛区生态环境管理办法${uniqueSuffix()}`;
    const registered = await activities.registerDocument({
      procedureId: procedure.procedureId,
      workflowId: procedure.workflowId,
      issuerUnitId: series.issuerUnitId,
      series: series.series,
      title,
      documentSha256: sha256,
      validityYears: 5,
      registeredBy: officer,
      idempotencyKey: `registration:${procedure.procedureId}`,
    });
    expect(title).not.toContain('湿地');

    const byText = await service.list({ q: '湿地保护', limit: 50 }, ['REGISTERED']);
    expect(byText.items.map((r) => r.entry.id)).toContain(registered.registerEntryId);
    const byWord = await service.list({ q: word, limit: 50 }, ['REGISTERED']);
    expect(byWord.items.map((r) => r.entry.id)).toEqual([registered.registerEntryId]);
    // A word in neither the title nor the text finds nothing; the title still finds it.
    expect((await service.list({ q: '航空母舰', limit: 50 }, ['REGISTERED'])).items).toEqual([]);
    const byTitle = await service.list({ q: title.slice(0, 12), limit: 50 }, ['REGISTERED']);
    expect(byTitle.items.map((r) => r.entry.id)).toContain(registered.registerEntryId);
    // A retried registration indexes nothing twice.
    await activities.registerDocument({
      procedureId: procedure.procedureId,
      workflowId: procedure.workflowId,
      issuerUnitId: series.issuerUnitId,
      series: series.series,
      title,
      documentSha256: sha256,
      validityYears: 5,
      registeredBy: officer,
      idempotencyKey: `registration:${procedure.procedureId}`,
    });
    const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM document_text WHERE sha256 = $1', [
      sha256,
    ]);
    expect(n).toBe('1');
  });

  it('should index a text of more distinct words than a tsvector holds, and index on a retry after a failed attempt', async () => {
    const series = await freshSeries(db);
    const [procedure] = await insertProcedures(db, 1);
    const officer = await actorOf(db, 'officer.zhang');
    const word = `澄湖${['甲', '乙', '丙', '丁'][Math.floor(Math.random() * 4)]}圩`;
    // An annex of 150 000 distinct numbers: as one tsvector over 1 MB, which PostgreSQL refused ("string is too long
    // for tsvector"), failing the registration's activity after its number was taken.
    const annex = Array.from({ length: 1_500 }, (_, line) =>
      Array.from({ length: 100 }, (__, i) => `${1_000_000 + line * 100 + i}`).join('，'),
    );
    const body = await makeDocx([`第一条 ${word}圩区排涝站的收费标准见附件。`, ...annex]);
    const sha256 = await addDraft(procedure.procedureId, officer.userId, body, '收费标准.docx');
    const registration = {
      procedureId: procedure.procedureId,
      workflowId: procedure.workflowId,
      issuerUnitId: series.issuerUnitId,
      series: series.series,
      title: `金坛区圩区排涝收费办法${uniqueSuffix()}`,
      documentSha256: sha256,
      validityYears: 5,
      registeredBy: officer,
      idempotencyKey: `registration:${procedure.procedureId}`,
    };
    const registered = await activities.registerDocument(registration);
    const found = async () => (await service.list({ q: word, limit: 50 }, ['REGISTERED'])).items.map((r) => r.entry.id);
    expect(await found()).toEqual([registered.registerEntryId]);
    const [{ bytes }] = await db.query<{ bytes: number }[]>(
      'SELECT pg_column_size(words) AS bytes FROM document_text WHERE sha256 = $1',
      [sha256],
    );
    expect(bytes).toBeLessThan(1024 * 1024);

    // As if the first attempt had failed after taking its number: its retry indexes the text, under the same number.
    await db.query('DELETE FROM document_text WHERE sha256 = $1', [sha256]);
    expect(await found()).toEqual([]);
    const again = await activities.registerDocument(registration);
    expect(again.number).toBe(registered.number);
    expect(await found()).toEqual([registered.registerEntryId]);
  });
});
