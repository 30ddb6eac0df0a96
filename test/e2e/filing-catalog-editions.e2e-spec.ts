import { FILING_STANDARDS } from '@lawgate/domain';
import { AuditRepository, FilingCatalogRepository } from '@lawgate/persistence';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { parseXml } from '../support/xml';

interface Snapshot {
  procedureId: string;
  stage: string;
  documents: Record<string, { sha256: string }>;
}
interface Edition {
  periodKey: string;
  label: string;
  cadence: string;
  periodStart: string;
  periodEnd: string;
  publishedAt: string;
  receivingOrgan: string;
  entries: { caseId: string; documentNumber: string; title: string; filedAt: string }[];
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);

/**
 * E3 (G-E5): the worker publishes the filed-documents catalog on the policy's cadence, one edition per period, with
 * no one asking. The demonstration policy cuts periods of 10 seconds and the worker looks every 2 seconds: a document
 * whose review passes appears in the edition of its period once that period closes, and the next period's edition
 * follows on its own; the public JSON and the Atom feed list the editions; a period published again is one edition.
 */
describe('the filed-documents catalog published on its cadence', () => {
  // A worker of its own: the run's shared workers start with the default environment, and the scheduler is the
  // worker's (its cadence comes from the worker's PROCEDURE_PERIODS, how often it looks from FILING_CATALOG_SECONDS).
  const stack = useStack('e2e-frcat', {
    extraEnv: { PROCEDURE_PERIODS: 'demo', FILING_CATALOG_SECONDS: '2' },
    ownProcesses: true,
  });

  const editions = async () => {
    const res = await stack.http.as<Edition[]>('officer.zhang', 'GET', '/api/public/filing-catalog/editions?limit=100');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('should publish the edition of a closed period with the documents filed in it, then the next period’s', async () => {
    const { http } = stack;
    const documentNumber = `坛市监规〔2026〕${uniqueSuffix()}号`;
    const title = `金坛区市场主体信用分类监管办法（${uniqueSuffix()}）`;
    const filed = await http.as<Snapshot>('drafter.mkt', 'POST', '/api/procedures/filing-reviews', {
      body: {
        title,
        documentNumber,
        publishedOn: today(),
        files: [
          {
            kind: 'DRAFT',
            filename: 'draft.txt',
            mediaType: 'text/plain',
            contentBase64: b64('第一条 为加强信用监管，制定本办法。\n第二条 本办法自发布之日起施行。\n'),
          },
          { kind: 'FILING_REPORT', filename: 'report.txt', mediaType: 'text/plain', contentBase64: b64('备案报告') },
        ],
      },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.procedureId;
    const step = (name: string, body: unknown) =>
      http.as<Snapshot>('officer.zhang', 'POST', `/api/procedures/${id}/steps/${name}`, { body });
    expect((await step('register', { decision: 'REGISTER', reasons: '材料齐全' })).status).toBe(200);
    const passed = await step('review', {
      outcome: 'PASSED',
      reasons: '经审查，合法适当',
      standards: FILING_STANDARDS.map((item) => ({ item, ok: true, note: '' })),
      reviewedSha256: filed.body.documents.DRAFT.sha256,
    });
    expect([passed.status, passed.body.stage]).toEqual([200, 'FILED']);

    // Nobody publishes anything: the worker does once the document's period has closed (≤ 10 s + a tick).
    const edition = await eventually(async () => {
      const found = (await editions()).find((e) => e.entries.some((i) => i.caseId === id));
      expect(found).toBeDefined();
      return found!;
    }, 60000);
    const entry = edition.entries.find((i) => i.caseId === id)!;
    expect(entry).toMatchObject({ documentNumber, title });
    expect(edition.cadence).toBe('SECONDS_10');
    expect(edition.receivingOrgan).toBe('金坛区人民政府（区司法局）');
    expect(Date.parse(edition.periodEnd) - Date.parse(edition.periodStart)).toBe(10000);
    expect(Date.parse(entry.filedAt)).toBeGreaterThanOrEqual(Date.parse(edition.periodStart));
    expect(Date.parse(entry.filedAt)).toBeLessThan(Date.parse(edition.periodEnd));
    expect(Date.parse(edition.publishedAt)).toBeGreaterThanOrEqual(Date.parse(edition.periodEnd));

    // The next period is published on its own when it closes, whether or not anything was filed in it.
    const next = await eventually(async () => {
      const found = (await editions()).find((e) => e.periodStart === edition.periodEnd);
      expect(found).toBeDefined();
      return found!;
    }, 60000);
    expect(next.entries.map((i) => i.caseId)).not.toContain(id);

    // Publishing the same period again (another worker, a retry) is the same edition, with the same entries.
    const repo = new FilingCatalogRepository(stack.db, new AuditRepository(stack.db));
    const period = { key: edition.periodKey, start: edition.periodStart, end: edition.periodEnd, label: edition.label };
    const again = await repo.publish(period, edition.cadence, edition.receivingOrgan);
    expect(again.created).toBe(false);
    expect(again.edition.entries).toEqual(edition.entries);
    // Two at once publish one edition too.
    const past = {
      key: `S20-test-${uniqueSuffix()}`,
      start: '2001-01-01T00:00:00.000Z',
      end: '2001-01-01T00:00:20.000Z',
      label: 'test',
    };
    const both = await Promise.all([repo.publish(past, 'TEST', 'x'), repo.publish(past, 'TEST', 'x')]);
    expect(both.map((b) => b.created).sort()).toEqual([false, true]);
    const rows = await stack.db.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM filing_catalog_edition WHERE period_key = ANY($1)',
      [[edition.periodKey, past.key]],
    );
    expect(Number(rows[0].n)).toBe(2);
    const audits = await stack.db.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM audit_entry WHERE action = 'filing.catalog.published' AND details->>'periodKey' = $1",
      [edition.periodKey],
    );
    expect(Number(audits[0].n)).toBe(1);

    // The Atom feed of the editions parses and lists this one with its documents.
    const atom = await fetch(`${http.baseUrl}/api/public/feeds/filing-catalog.atom?limit=100`);
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseXml(await atom.text());
    expect([feed.name, feed.attributes.xmlns]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    const item = feed.children
      .filter((e) => e.name === 'entry')
      .find((e) => e.children.find((c) => c.name === 'id')?.text === `urn:lawgate:filing-catalog:${edition.periodKey}`);
    expect(item).toBeDefined();
    const text = (name: string) => item!.children.find((c) => c.name === name)!.text;
    expect(text('summary')).toContain(`${documentNumber}《${title}》`);
    expect(text('updated')).toBe(edition.publishedAt);
    expect(text('title')).toContain(edition.label);
  }, 180000);
});
