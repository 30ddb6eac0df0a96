import { createHash, randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { CommentActivities } from '../../activities/comment.activities';
import { ProcedureActivities } from '../../activities/procedure.activities';
import { AppConfigModule } from '@lawgate/config';
import { DocumentKind, type Role, type Actor } from '@lawgate/domain';
import { DocumentRepository } from '@lawgate/persistence';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';
import { parseXml } from '../support/xml';

interface ErrorBody {
  code: string;
  message: string;
  details: { fields?: Record<string, string[]>; retryAfterSeconds?: number };
}
interface PublicWindow {
  windowId: string;
  title: string;
  status: string;
  opensAt: string;
  closesAt: string;
  shortenedReason: string | null;
  draft: { sha256: string; url: string };
  comments: number;
}
interface Receipt {
  receiptNo: string;
  submittedAt: string;
  windowId: string;
}

const PER_MINUTE = 3;

/**
 * The public side of consultation against the real API process: windows are opened as the workflow opens them,
 * through the activity class on the run's database.
 */
describe('public comments', () => {
  let http: ApiClient;
  let db: DataSource;
  let context: INestApplicationContext;
  let comments: CommentActivities;
  let drafter: Actor;
  const draftText = `第一条 为了规范校外培训机构办学行为，制定本办法。${uniqueSuffix()}\n`;
  const draftSha = createHash('sha256').update(draftText).digest('hex');
  const title = `关于《金坛区校外培训机构管理办法 <征求意见稿> & 说明》公开征求意见 ${uniqueSuffix()}`;
  let main: { windowId: string };
  let limited: { windowId: string };
  let toClose: { windowId: string };
  let reviewed: { procedureId: string; workflowId: string; departmentId: string; drafterId: string };
  let routeReview: () => Promise<{ assigneeUserId: string | null }>;

  const stack = useStack('e2e-comments', {
    withWorker: false,
    extraEnv: { COMMENT_RATE_PER_MINUTE: String(PER_MINUTE), COMMENT_RATE_PER_DAY: '50' },
  });

  beforeAll(async () => {
    ({ http, db } = stack);
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    context = await moduleRef.init();
    comments = context.get(CommentActivities);
    const procedures = context.get(ProcedureActivities);
    const [row] = await db.query<{ id: string; display_name: string; org_unit_id: string; roles: Role[] }[]>(
      "SELECT id, display_name, org_unit_id, roles FROM app_user WHERE username = 'drafter.edu'",
    );
    drafter = {
      userId: row.id,
      username: 'drafter.edu',
      displayName: row.display_name,
      roles: row.roles,
      unitId: row.org_unit_id,
    };
    const procedureId = randomUUID();
    const workflowId = `normative-document:JT-EDU:${uniqueSuffix()}`;
    await procedures.registerProcedure({
      procedureId,
      workflowId,
      type: 'NORMATIVE_DOCUMENT',
      projectCode: uniqueSuffix(),
      title: '金坛区校外培训机构管理办法',
      departmentId: drafter.unitId,
      initiator: drafter,
      stage: 'DRAFTING',
      policyVersion: 'test',
      details: {},
    });
    await context.get(DocumentRepository).storeBlob(draftSha, Buffer.from(draftText));
    const draft = await procedures.recordDocumentVersion({
      procedureId,
      workflowId,
      stage: 'DRAFTING',
      kind: DocumentKind.Draft,
      sha256: draftSha,
      size: Buffer.byteLength(draftText),
      mediaType: 'text/plain',
      filename: '征求意见稿.txt',
      note: '',
      actor: drafter,
      idempotencyKey: `doc-${randomUUID()}`,
    });
    const open = (suffix: string, shortenedReason: string | null = null) =>
      comments.openCommentWindow({
        procedureId,
        workflowId,
        title: `${title}${suffix}`,
        draftVersionId: draft.versionId,
        draftSha256: draft.sha256,
        period: { amount: 3600, unit: 'SECONDS' },
        minimumPeriod: { amount: shortenedReason ? 7200 : 3600, unit: 'SECONDS' },
        shortenedReason,
        idempotencyKey: `open-${randomUUID()}`,
      });
    reviewed = { procedureId, workflowId, departmentId: drafter.unitId, drafterId: drafter.userId };
    routeReview = () =>
      procedures.routeTask({
        procedureId,
        workflowId,
        stage: 'LEGALITY_REVIEW',
        round: 1,
        kind: 'LEGALITY_REVIEW',
        title: '合法性审核',
        legalBasis: { regulation: '江苏省行政规范性文件管理规定', article: '第二十条', verified: false },
        period: { amount: 3600, unit: 'SECONDS' },
        departmentId: reviewed.departmentId,
        drafterIds: [reviewed.drafterId],
        expertise: ['教育'],
        subjectVersionId: draft.versionId,
      });
    main = await open('', '上级紧急部署');
    limited = await open('（二）');
    toClose = await open('（三）');
  });

  afterAll(async () => context?.close());

  const post = (windowId: string, body: unknown) =>
    http.request<Receipt & ErrorBody>('POST', `/api/public/comment-windows/${windowId}/comments`, { body });
  const stored = async (windowId: string) =>
    (
      await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM public_comment WHERE window_id = $1', [windowId])
    )[0].n;

  it('should list the open windows without login, with the published reason for a shortened one', async () => {
    const res = await http.request<PublicWindow[]>('GET', '/api/public/comment-windows');
    expect(res.status).toBe(200);
    const listed = res.body.find((w) => w.windowId === main.windowId);
    expect(listed).toMatchObject({
      title,
      status: 'OPEN',
      opensAt: expect.any(String) as string,
      closesAt: expect.any(String) as string,
      shortenedReason: '上级紧急部署',
      comments: 0,
      draft: { sha256: draftSha, url: `/api/public/comment-windows/${main.windowId}/draft` },
    });
    const one = await http.request<PublicWindow>('GET', `/api/public/comment-windows/${main.windowId}`);
    expect(one.body).toEqual(listed);
  });

  it('should serve the exact draft bytes published for comment', async () => {
    const res = await fetch(`${http.baseUrl}/api/public/comment-windows/${main.windowId}/draft`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('etag')).toBe(`"${draftSha}"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(draftSha);
  });

  it('should take a comment, give a receipt, and show its status and then the answer by receipt', async () => {
    const res = await post(main.windowId, {
      content: '建议明确退费时限为七日。',
      name: '张三',
      contact: '13800000000',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      receiptNo: expect.stringMatching(/^ZQ-\d{8}-\d{4,}$/) as string,
      submittedAt: expect.any(String) as string,
      windowId: main.windowId,
    });
    const status = await http.request('GET', `/api/public/comments/${res.body.receiptNo}`);
    expect(status.body).toEqual({
      receiptNo: res.body.receiptNo,
      windowId: main.windowId,
      windowTitle: title,
      submittedAt: res.body.submittedAt,
      status: 'RECEIVED',
      answer: null,
      answerReason: null,
      answeredAt: null,
    });
    expect(JSON.stringify(status.body)).not.toMatch(/张三|13800000000/);

    const listed = await http.as<{ commentId: string; receiptNo: string; name: string; contact: string }[]>(
      'drafter.edu',
      'GET',
      `/api/comment-windows/${main.windowId}/comments`,
    );
    const mine = listed.body.find((c) => c.receiptNo === res.body.receiptNo)!;
    expect(mine).toMatchObject({ name: '张三', contact: '13800000000' });
    await comments.answerComment({
      windowId: main.windowId,
      commentId: mine.commentId,
      answer: 'PARTLY_ADOPTED',
      reason: '退费时限另行规定',
      actor: drafter,
      idempotencyKey: `answer-${randomUUID()}`,
    });
    const answered = await http.request('GET', `/api/public/comments/${res.body.receiptNo}`);
    expect(answered.body).toMatchObject({
      status: 'ANSWERED',
      answer: 'PARTLY_ADOPTED',
      answerReason: '退费时限另行规定',
    });

    expect((await http.request('GET', '/api/public/comments/ZQ-19990101-0001')).status).toBe(404);
    expect((await http.request('GET', '/api/public/comments/not-a-receipt')).status).toBe(400);
  });

  it('should show the comments to the drafting department and the office, not to other departments', async () => {
    const path = `/api/comment-windows/${main.windowId}/comments`;
    expect((await http.as('officer.zhang', 'GET', path)).status).toBe(200);
    expect((await http.as('drafter.mkt', 'GET', path)).status).toBe(404);
    expect((await http.as('admin', 'GET', path)).status).toBe(403);
    expect((await http.request('GET', path)).status).toBe(401);
  });

  it("should show the reviewing adviser the comments and answers without the commenters' names", async () => {
    const windows = `/api/procedures/${reviewed.procedureId}/comment-windows`;
    const list = `/api/comment-windows/${main.windowId}/comments`;
    // Before a task involves them, advisers see nothing of the procedure.
    expect((await http.as('adviser.li', 'GET', list)).status).toBe(404);
    expect((await http.as('adviser.li', 'GET', windows)).status).toBe(404);

    const { assigneeUserId } = await routeReview();
    const [reviewer] = await db.query<{ username: string }[]>('SELECT username FROM app_user WHERE id = $1', [
      assigneeUserId,
    ]);
    const seen = await http.as<{ name: string | null; contact: string | null; content: string; answer: string }[]>(
      reviewer.username,
      'GET',
      list,
    );
    expect(seen.status).toBe(200);
    expect(seen.body).toContainEqual(
      expect.objectContaining({
        content: '建议明确退费时限为七日。',
        answer: 'PARTLY_ADOPTED',
        answerReason: '退费时限另行规定',
        name: null,
        contact: null,
      }),
    );
    expect(JSON.stringify(seen.body)).not.toMatch(/张三|13800000000/);
    const summary = await http.as<{ windowId: string; summary: { total: number; partlyAdopted: number } }[]>(
      reviewer.username,
      'GET',
      windows,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.find((w) => w.windowId === main.windowId)?.summary).toMatchObject({ partlyAdopted: 1 });
    // The drafting department still sees who commented.
    const drafters = await http.as<{ name: string | null }[]>('drafter.edu', 'GET', list);
    expect(drafters.body.map((c) => c.name)).toContain('张三');
  });

  it('should refuse unknown and mistyped fields with field-level details, writing nothing', async () => {
    const before = await stored(main.windowId);
    const unknown = await post(main.windowId, { content: '意见', email: 'x@example.com' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.details.fields?.email).toEqual(['property email should not exist']);
    const mistyped = await post(main.windowId, { content: 5, name: ['张三'] });
    expect(mistyped.status).toBe(400);
    expect(Object.keys(mistyped.body.details.fields ?? {}).sort()).toEqual(['content', 'name']);
    const tooLong = await post(main.windowId, { content: 'x'.repeat(5001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.fields?.content).toBeDefined();
    expect((await post(randomUUID(), { content: '意见' })).status).toBe(404);
    expect(await stored(main.windowId)).toBe(before);
  });

  it('should answer 429 with Retry-After past the per-client limit, storing nothing more', async () => {
    for (let i = 0; i < PER_MINUTE; i += 1) {
      expect((await post(limited.windowId, { content: `意见 ${i}` })).status).toBe(201);
    }
    const refused = await post(limited.windowId, { content: '又一条' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.body.message).toMatch(/try again in \d+ seconds/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.details.retryAfterSeconds).toBe(retryAfter);
    expect(await stored(limited.windowId)).toBe(PER_MINUTE);
  });

  it('should refuse comments after the close with 409 and a plain message, writing nothing', async () => {
    expect((await post(toClose.windowId, { content: '截止前的意见' })).status).toBe(201);
    const closed = await comments.closeCommentWindow({ windowId: toClose.windowId });
    expect(closed.total).toBe(1);
    const refused = await post(toClose.windowId, { content: '截止后的意见' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COMMENT_WINDOW_NOT_OPEN');
    expect(refused.body.message).toMatch(/closed at .*; comments are no longer accepted\.$/);
    expect(await stored(toClose.windowId)).toBe(1);
    const list = await http.request<PublicWindow[]>('GET', '/api/public/comment-windows');
    expect(list.body.map((w) => w.windowId)).not.toContain(toClose.windowId);
    const one = await http.request<PublicWindow>('GET', `/api/public/comment-windows/${toClose.windowId}`);
    expect(one.body.status).toBe('CLOSED');
  });

  it('should publish the open windows as a JSON feed and a well-formed, escaped Atom feed', async () => {
    const json = await fetch(`${http.baseUrl}/api/public/feeds/comment-windows.json`);
    expect(json.status).toBe(200);
    const feed = (await json.json()) as { version: string; items: { id: string; title: string; url: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.find((i) => i.id === main.windowId)).toMatchObject({
      title,
      url: `${http.baseUrl}/api/public/comment-windows/${main.windowId}`,
    });
    expect(feed.items.map((i) => i.id)).not.toContain(toClose.windowId);

    const atom = await fetch(`${http.baseUrl}/api/public/feeds/comment-windows.atom`);
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const root = parseXml(await atom.text());
    expect(root.name).toBe('feed');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = root.children.filter((c) => c.name === 'entry');
    const entry = entries.find((e) =>
      e.children.some((c) => c.name === 'id' && c.text === `urn:uuid:${main.windowId}`),
    );
    expect(entry?.children.find((c) => c.name === 'title')?.text).toBe(title);
    expect(entries.some((e) => e.children.some((c) => c.text === `urn:uuid:${toClose.windowId}`))).toBe(false);
  });
});
