import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { RegisterActivities } from '../../activities/register.activities';
import { AppConfigModule } from '@lawgate/config';
import { addDays, cstDateOf, type RegisteredDocument } from '@lawgate/domain';
import { DocumentRepository } from '@lawgate/persistence';
import type { ApiClient } from '../support/http';
import { actorOf, freshSeries, insertProcedures } from '../support/register';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface Entry {
  id: string;
  number: string;
  title: string;
  issuer: { code: string; name: string };
  status: string;
  usableAsBasis: boolean;
  registeredAt: string;
  publishedAt: string | null;
  effectiveAt: string | null;
  validUntil: string;
  publication: { channel: string; reference: string; publishedAt: string } | null;
  textUrl: string | null;
}
interface Page<T = Entry> {
  items: T[];
  nextCursor: string | null;
}
interface JsonFeed {
  version: string;
  items: { id: string; url: string; title: string; _lawgate: Entry }[];
}
interface ErrorBody {
  code: string;
  message: string;
  details: { fields?: Record<string, string[]> };
}

/**
 * Checks that a document is well-formed XML as far as Atom needs: balanced elements, quoted attributes, and no bare
 * `&` or `<` in text (every entity one of the five XML predefines, or a character reference).
 */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(body))) {
    const [, closing, name, attributes, selfClosing, text, bareLt] = match;
    if (bareLt) throw new Error(`bare < at ${match.index}: ${body.slice(match.index, match.index + 40)}`);
    const checkEntities = (s: string) => {
      for (const amp of s.matchAll(/&([^;]*);?/g)) {
        if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(amp[0])) throw new Error(`bad entity ${amp[0]}`);
      }
    };
    if (text !== undefined) {
      checkEntities(text);
      if (stack.length === 0 && text.trim()) throw new Error(`text outside the root: ${text}`);
      continue;
    }
    checkEntities(attributes ?? '');
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
}

describe('the public register and its feeds', () => {
  let http: ApiClient;
  let db: DataSource;
  let app: INestApplicationContext;
  let activities: RegisterActivities;
  const token = `测${uniqueSuffix().replace(/[^a-z]/g, '')}`;
  const titleA = `金坛区<校外>培训&"管理"办法${token}`;
  const titleB = `金坛区农村集体资产管理暂行办法${token}`;
  const textA = Buffer.from(`${titleA}\n第一条 为了规范……\n`);
  let a: RegisteredDocument;
  let b: RegisteredDocument;
  let unpublished: RegisteredDocument;
  let voided: RegisteredDocument;

  const stack = useStack('e2e-register', { withWorker: false });

  beforeAll(async () => {
    ({ http, db } = stack);
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    app = await moduleRef.init();
    activities = app.get(RegisterActivities);
    const documents = app.get(DocumentRepository);
    const officer = await actorOf(db, 'officer.zhang');
    const series = await freshSeries(db, 'JT-EDU');
    const procedures = await insertProcedures(db, 4);
    const titles = [titleA, titleB, `未发布${token}`, `作废${token}`];
    const registered: RegisteredDocument[] = [];
    for (const [i, p] of procedures.entries()) {
      registered.push(
        await activities.registerDocument({
          ...p,
          issuerUnitId: series.issuerUnitId,
          series: series.series,
          title: titles[i],
          documentSha256: createHash('sha256').update(titles[i]).digest('hex'),
          validityYears: i === 1 ? 2 : 5,
          registeredBy: officer,
          idempotencyKey: `registration:${p.procedureId}`,
        }),
      );
    }
    [a, b, unpublished, voided] = registered;
    const sha = createHash('sha256').update(textA).digest('hex');
    await documents.storeBlob(sha, textA);
    for (const [i, entry] of [a, b].entries()) {
      await activities.recordPublication({
        registerEntryId: entry.registerEntryId,
        procedureId: procedures[i].procedureId,
        channel: i === 0 ? 'GAZETTE' : 'WEBSITE',
        reference: i === 0 ? '金坛区人民政府公报 2026年第3期' : 'https://www.jintan.gov.cn/zfxxgk/1.html?a=1&b=2',
        publishedAt: new Date(Date.now() - (2 - i) * 60000).toISOString(),
        textSha256: sha,
        actor: officer,
        idempotencyKey: `publish:${entry.registerEntryId}`,
      });
    }
    await activities.voidRegisteredNumber({
      registerEntryId: voided.registerEntryId,
      reason: '决定不予印发',
      actor: officer,
      idempotencyKey: `void:${voided.registerEntryId}`,
    });
    // B's validity ends in 30 days: it belongs in the expiring feed.
    await db.query('UPDATE register_entry SET valid_until = $2 WHERE id = $1', [
      b.registerEntryId,
      addDays(cstDateOf(new Date()), 30),
    ]);
  }, 60000);

  afterAll(async () => app?.close());

  it('should find published documents by title, number, issuer, status and date, newest first, page by page', async () => {
    const byTitle = await http.request<Page>('GET', `/api/public/register?q=${encodeURIComponent(token)}`);
    expect(byTitle.status).toBe(200);
    expect(byTitle.body.items.map((e) => e.id)).toEqual([b.registerEntryId, a.registerEntryId]);

    const byNumber = await http.request<Page>('GET', `/api/public/register?number=${encodeURIComponent(a.number)}`);
    expect(byNumber.body.items.map((e) => e.number)).toEqual([a.number]);

    const today = cstDateOf(new Date());
    const filtered = await http.request<Page>(
      'GET',
      `/api/public/register?q=${encodeURIComponent(token)}&issuer=JT-EDU&status=IN_FORCE&from=${today}&to=${today}`,
    );
    expect(filtered.body.items).toHaveLength(2);
    const otherIssuer = await http.request<Page>(
      'GET',
      `/api/public/register?q=${encodeURIComponent(token)}&issuer=JT-MKT`,
    );
    expect(otherIssuer.body.items).toEqual([]);
    const tomorrow = addDays(today, 1);
    const later = await http.request<Page>(
      'GET',
      `/api/public/register?q=${encodeURIComponent(token)}&from=${tomorrow}`,
    );
    expect(later.body.items).toEqual([]);

    const first = await http.request<Page>('GET', `/api/public/register?q=${encodeURIComponent(token)}&limit=1`);
    expect(first.body.items.map((e) => e.id)).toEqual([b.registerEntryId]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await http.request<Page>(
      'GET',
      `/api/public/register?q=${encodeURIComponent(token)}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((e) => e.id)).toEqual([a.registerEntryId]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('should show a document page with its dates, validity, publication and text, and its exact bytes', async () => {
    const page = await http.request<Entry>('GET', `/api/public/register/${a.registerEntryId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id: a.registerEntryId,
      number: a.number,
      title: titleA,
      issuer: { code: 'JT-EDU', name: '金坛区教育局' },
      status: 'IN_FORCE',
      usableAsBasis: true,
      registeredAt: a.registeredAt,
      validUntil: a.validUntil,
      publication: { channel: 'GAZETTE', reference: '金坛区人民政府公报 2026年第3期' },
      textUrl: `/api/public/register/${a.registerEntryId}/text`,
    });
    expect(page.body.effectiveAt).toBe(page.body.publishedAt);

    const text = await fetch(`${http.baseUrl}${page.body.textUrl}`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(text.headers.get('etag')).toBe(`"${createHash('sha256').update(textA).digest('hex')}"`);
    expect(Buffer.from(await text.arrayBuffer()).equals(textA)).toBe(true);
  });

  it('should keep unpublished and voided numbers out of the public register, but show them to the office', async () => {
    for (const entry of [unpublished, voided]) {
      const res = await http.request<ErrorBody>('GET', `/api/public/register/${entry.registerEntryId}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const search = await http.request<Page>('GET', `/api/public/register?q=${encodeURIComponent(token)}`);
    expect(search.body.items.map((e) => e.id)).not.toContain(unpublished.registerEntryId);

    const office = await http.as<Page<Entry & { voided: { reason: string } | null }>>(
      'officer.zhang',
      'GET',
      `/api/admin/register?q=${encodeURIComponent(token)}`,
    );
    expect(office.status).toBe(200);
    expect(office.body.items.map((e) => e.status)).toEqual(['VOIDED', 'REGISTERED', 'IN_FORCE', 'IN_FORCE']);
    expect(office.body.items[0]).toMatchObject({ number: voided.number, voided: { reason: '决定不予印发' } });
    expect(office.body.items[1].usableAsBasis).toBe(false);
    const drafter = await http.as<ErrorBody>('drafter.edu', 'GET', '/api/admin/register');
    expect(drafter.status).toBe(403);
    const anonymous = await http.request<ErrorBody>('GET', '/api/admin/register');
    expect(anonymous.status).toBe(401);
  });

  it('should publish JSON and Atom feeds of the newest publications', async () => {
    const json = await http.request<JsonFeed>('GET', '/api/public/feeds/publications.json');
    expect(json.status).toBe(200);
    expect(json.body.version).toBe('https://jsonfeed.org/version/1.1');
    const ids = json.body.items.map((i) => i._lawgate.id);
    expect(ids.indexOf(b.registerEntryId)).toBeLessThan(ids.indexOf(a.registerEntryId));
    expect(ids).not.toContain(unpublished.registerEntryId);
    const itemA = json.body.items.find((i) => i._lawgate.id === a.registerEntryId)!;
    expect(itemA.title).toBe(`${a.number} ${titleA}`);
    expect(itemA.url).toBe(`${http.baseUrl}/api/public/register/${a.registerEntryId}`);

    const atom = await fetch(`${http.baseUrl}/api/public/feeds/publications.atom`);
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await atom.text();
    assertWellFormedXml(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(`&lt;校外&gt;培训&amp;&quot;管理&quot;办法${token}`);
    expect(xml).not.toContain('<校外>');
    expect(xml).toContain('?a=1&amp;b=2');
  });

  it('should list in-force documents whose validity ends soon (default 180 days)', async () => {
    const json = await http.request<JsonFeed>('GET', '/api/public/feeds/expiring.json');
    expect(json.status).toBe(200);
    const ids = json.body.items.map((i) => i._lawgate.id);
    expect(ids).toContain(b.registerEntryId);
    expect(ids).not.toContain(a.registerEntryId);
    const soon = await http.request<JsonFeed>('GET', '/api/public/feeds/expiring.json?days=10');
    expect(soon.body.items.map((i) => i._lawgate.id)).not.toContain(b.registerEntryId);

    const atom = await fetch(`${http.baseUrl}/api/public/feeds/expiring.atom?days=60`);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await atom.text();
    assertWellFormedXml(xml);
    expect(xml).toContain(`<id>urn:uuid:${b.registerEntryId}</id>`);
  });

  it('should refuse unknown query fields with 400 and unknown ids with 404', async () => {
    for (const path of [
      '/api/public/register?colour=red',
      `/api/public/register/${a.registerEntryId}?x=1`,
      '/api/public/feeds/publications.json?since=2026',
      '/api/public/feeds/expiring.atom?day=3',
    ]) {
      const res = await http.request<ErrorBody>('GET', path);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.details.fields ?? {})).toHaveLength(1);
    }
    const badStatus = await http.request<ErrorBody>('GET', '/api/public/register?status=VOIDED');
    expect(badStatus.status).toBe(400);
    const badCursor = await http.request<ErrorBody>('GET', '/api/public/register?cursor=nonsense');
    expect(badCursor.status).toBe(400);
    const unknown = await http.request<ErrorBody>('GET', '/api/public/register/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', details: {} });
    const unknownText = await http.request<ErrorBody>(
      'GET',
      '/api/public/register/00000000-0000-4000-8000-000000000000/text',
    );
    expect(unknownText.status).toBe(404);
    const notUuid = await http.request<ErrorBody>('GET', '/api/public/register/abc');
    expect(notUuid.status).toBe(400);
  });

  it("should let the office see and change the issuers' number series, with a reason", async () => {
    const list = await http.as<{ issuerCode: string; series: string; prefix: string }[]>(
      'admin',
      'GET',
      '/api/admin/issuer-series',
    );
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ issuerCode: 'JT-GOV', series: 'NORMATIVE', prefix: '坛政规' }),
        expect.objectContaining({ issuerCode: 'JT-EDU', series: 'NORMATIVE', prefix: '坛教规' }),
        expect.objectContaining({ issuerCode: 'JT-MKT', series: 'NORMATIVE', prefix: '坛市监规' }),
      ]),
    );
    const [unit] = await db.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-GOV'");
    const noReason = await http.as<ErrorBody>('admin', 'PUT', '/api/admin/issuer-series', {
      body: { issuerUnitId: unit.id, series: 'OFFICE', prefix: '坛政办', active: true },
    });
    expect(noReason.status).toBe(400);
    const taken = await http.as<ErrorBody>('admin', 'PUT', '/api/admin/issuer-series', {
      body: { issuerUnitId: unit.id, series: 'OFFICE', prefix: '坛教规', active: true, reason: '新增政府办文号' },
    });
    expect(taken.status).toBe(422);
    const series = `S${uniqueSuffix()
      .replace(/[^a-z0-9]/g, '')
      .toUpperCase()}`.slice(0, 30);
    const created = await http.as<{ series: string; prefix: string }>(
      'officer.zhang',
      'PUT',
      '/api/admin/issuer-series',
      {
        body: { issuerUnitId: unit.id, series, prefix: `坛政${token}`, active: true, reason: '新增文号系列' },
      },
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ series, prefix: `坛政${token}` });
    const [audit] = await db.query<{ reason: string; actor_kind: string }[]>(
      "SELECT reason, actor_kind FROM audit_entry WHERE action = 'register.series.created' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ reason: '新增文号系列', actor_kind: 'OPERATOR' });
    const drafter = await http.as<ErrorBody>('drafter.edu', 'GET', '/api/admin/issuer-series');
    expect(drafter.status).toBe(403);
  });
});
