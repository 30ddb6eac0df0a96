import { createHash, randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { CommentActivities, type OpenCommentWindowInput } from '../../activities/comment.activities';
import { ProcedureActivities } from '../../activities/procedure.activities';
import { AppConfigModule } from '@lawgate/config';
import { DEFAULT_COMMENT_PERIODS, commentPeriodFor, DocumentKind, type Role, type Actor } from '@lawgate/domain';
import { CommentRepository, DocumentRepository } from '@lawgate/persistence';
import { uniqueSuffix } from '../support/test-env';

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  expect((err as ApplicationFailure).nonRetryable).toBe(true);
  return err as ApplicationFailure;
}

/** Public comment windows against PostgreSQL: the statutory floor, extensions, closing, receipts and answers. */
describe(CommentActivities.name, () => {
  let comments: CommentActivities;
  let procedures: ProcedureActivities;
  let repository: CommentRepository;
  let documents: DocumentRepository;
  let db: DataSource;
  let close: () => Promise<void>;
  let drafter: Actor;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    const app = await moduleRef.init();
    comments = app.get(CommentActivities);
    procedures = app.get(ProcedureActivities);
    repository = app.get(CommentRepository);
    documents = app.get(DocumentRepository);
    db = app.get(DataSourceToken);
    close = () => app.close();
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
  });

  afterAll(async () => close());

  /** A procedure with an uploaded draft, as the workflow has it when consultation starts. */
  async function procedureWithDraft() {
    const procedureId = randomUUID();
    const workflowId = `normative-document:JT-EDU:${uniqueSuffix()}`;
    await procedures.registerProcedure({
      procedureId,
      workflowId,
      type: 'NORMATIVE_DOCUMENT',
      projectCode: 'p',
      title: '金坛区校外培训机构管理办法',
      departmentId: drafter.unitId,
      initiator: drafter,
      stage: 'DRAFTING',
      policyVersion: 'test',
      details: {},
    });
    const text = Buffer.from(`第一条 ${uniqueSuffix()}\n`);
    const sha256 = createHash('sha256').update(text).digest('hex');
    await documents.storeBlob(sha256, text);
    const draft = await procedures.recordDocumentVersion({
      procedureId,
      workflowId,
      stage: 'DRAFTING',
      kind: DocumentKind.Draft,
      sha256,
      size: text.length,
      mediaType: 'text/plain',
      filename: '草案.txt',
      note: '',
      actor: drafter,
      idempotencyKey: `doc-${randomUUID()}`,
    });
    return { procedureId, workflowId, draft };
  }

  async function windowInput(overrides: Partial<OpenCommentWindowInput> = {}): Promise<OpenCommentWindowInput> {
    const { procedureId, workflowId, draft } = await procedureWithDraft();
    return {
      procedureId,
      workflowId,
      title: '关于《金坛区校外培训机构管理办法（征求意见稿）》公开征求意见',
      draftVersionId: draft.versionId,
      draftSha256: draft.sha256,
      period: { amount: 3600, unit: 'SECONDS' },
      minimumPeriod: { amount: 3600, unit: 'SECONDS' },
      shortenedReason: null,
      idempotencyKey: `open-${randomUUID()}`,
      ...overrides,
    };
  }

  const submit = (windowId: string, body = '建议增加退费时限。') =>
    repository.submit({ windowId, body, name: null, contact: null, clientFingerprint: 'f'.repeat(64) });

  const audits = async (procedureId: string, action: string) =>
    (
      await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM audit_entry WHERE procedure_id = $1 AND action = $2',
        [procedureId, action],
      )
    )[0].n;

  it('should open a window of the statutory minimum counted on the calendar, once per key', async () => {
    const minimum = commentPeriodFor(false, DEFAULT_COMMENT_PERIODS);
    const input = await windowInput({ period: minimum, minimumPeriod: minimum });
    const opened = await comments.openCommentWindow(input);
    const retried = await comments.openCommentWindow(input);
    expect(retried).toEqual(opened);
    expect(opened.closesAt).toBe(opened.minimumClosesAt);
    const expected = await procedures.deadlineFrom(new Date(opened.opensAt), minimum);
    expect(opened.closesAt).toBe(expected.dueAt?.toISOString());
    const rows = await db.query<{ shortened_reason: string | null; calendar_version: number; status: string }[]>(
      'SELECT shortened_reason, calendar_version, status FROM comment_window WHERE procedure_id = $1',
      [input.procedureId],
    );
    expect(rows).toEqual([{ shortened_reason: null, calendar_version: expected.calendarVersion, status: 'OPEN' }]);
    expect(await audits(input.procedureId, 'comment.window.opened')).toBe(1);
  });

  it('should refuse a window shorter than the minimum without a reason, and open it with one', async () => {
    const input = await windowInput({
      period: { amount: 3, unit: 'WORKING_DAYS' },
      minimumPeriod: commentPeriodFor(true, DEFAULT_COMMENT_PERIODS),
      shortenedReason: '   ',
    });
    const refused = await failureOf(comments.openCommentWindow(input));
    expect(refused.type).toBe('RULE_VIOLATION');
    expect(refused.message).toMatch(/before the statutory minimum of 30 days .*a shorter window needs a reason/);
    const [{ n }] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM comment_window WHERE procedure_id = $1',
      [input.procedureId],
    );
    expect(n).toBe(0);

    const reason = '上级紧急部署，须于月底前印发';
    const opened = await comments.openCommentWindow({ ...input, shortenedReason: reason });
    expect(new Date(opened.closesAt).getTime()).toBeLessThan(new Date(opened.minimumClosesAt).getTime());
    const [row] = await db.query<{ shortened_reason: string }[]>(
      'SELECT shortened_reason FROM comment_window WHERE id = $1',
      [opened.windowId],
    );
    expect(row.shortened_reason).toBe(reason);
  });

  it('should refuse to publish a draft other than the exact version uploaded', async () => {
    const input = await windowInput();
    const refused = await failureOf(comments.openCommentWindow({ ...input, draftSha256: 'a'.repeat(64) }));
    expect(refused.type).toBe('STALE_VERSION');
  });

  it('should record an extension as an act with reason and actor, once per key, while the window is open', async () => {
    const input = await windowInput({
      period: { amount: 7, unit: 'WORKING_DAYS' },
      minimumPeriod: { amount: 7, unit: 'WORKING_DAYS' },
    });
    const opened = await comments.openCommentWindow(input);
    const noReason = await failureOf(
      comments.extendCommentWindow({
        windowId: opened.windowId,
        extension: { amount: 2, unit: 'WORKING_DAYS' },
        reason: ' ',
        actor: drafter,
        idempotencyKey: `ext-${randomUUID()}`,
      }),
    );
    expect(noReason.type).toBe('RULE_VIOLATION');

    const extension = {
      windowId: opened.windowId,
      extension: { amount: 2, unit: 'WORKING_DAYS' as const },
      reason: '社会关注度高，延长征求意见期限',
      actor: drafter,
      idempotencyKey: `ext-${randomUUID()}`,
    };
    const extended = await comments.extendCommentWindow(extension);
    expect(await comments.extendCommentWindow(extension)).toEqual(extended);
    // Two more working days than seven from the opening day: nine working days in all.
    const nine = await procedures.deadlineFrom(new Date(opened.opensAt), { amount: 9, unit: 'WORKING_DAYS' });
    expect(extended.closesAt).toBe(nine.dueAt?.toISOString());
    const rows = await db.query<{ old_closes_at: Date; new_closes_at: Date; reason: string; actor_id: string }[]>(
      'SELECT old_closes_at, new_closes_at, reason, actor_id FROM comment_window_extension WHERE window_id = $1',
      [opened.windowId],
    );
    expect(rows).toEqual([
      {
        old_closes_at: new Date(opened.closesAt),
        new_closes_at: new Date(extended.closesAt),
        reason: extension.reason,
        actor_id: drafter.userId,
      },
    ]);
    expect(await audits(input.procedureId, 'comment.window.extended')).toBe(1);

    await comments.closeCommentWindow({ windowId: opened.windowId });
    const closed = await failureOf(
      comments.extendCommentWindow({ ...extension, idempotencyKey: `ext-${randomUUID()}` }),
    );
    expect(closed.type).toBe('COMMENT_WINDOW_NOT_OPEN');
  });

  it('should give concurrent submissions distinct receipts, counting up per day', async () => {
    const opened = await comments.openCommentWindow(await windowInput());
    const stored = await Promise.all(Array.from({ length: 25 }, (_, i) => submit(opened.windowId, `意见 ${i}`)));
    const receipts = stored.map((c) => c.receiptNo);
    expect(new Set(receipts).size).toBe(25);
    for (const receipt of receipts) expect(receipt).toMatch(/^ZQ-\d{8}-\d{4,}$/);
    const numbers = receipts.map((r) => Number(r.split('-')[2])).sort((a, b) => a - b);
    expect(numbers[24] - numbers[0]).toBe(24);
  });

  it('should close once, list every comment that got in, and refuse every submission after the close', async () => {
    const input = await windowInput();
    const opened = await comments.openCommentWindow(input);
    await submit(opened.windowId);
    // Submissions racing the close: each either gets in (and is in the close's list) or is refused.
    const racing = Array.from({ length: 10 }, () =>
      submit(opened.windowId).then(
        (c) => ({ ok: true as const, id: c.id }),
        (e: { code?: string }) => ({ ok: false as const, code: e.code }),
      ),
    );
    const closedResult = await comments.closeCommentWindow({ windowId: opened.windowId });
    const outcomes = await Promise.all(racing);
    const accepted = outcomes.filter((o) => o.ok).map((o) => o.id);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o.code).toBe('COMMENT_WINDOW_NOT_OPEN');
    expect(closedResult.commentIds).toEqual(expect.arrayContaining(accepted));
    expect(closedResult.total).toBe(closedResult.commentIds.length);
    const [{ n }] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM public_comment WHERE window_id = $1',
      [opened.windowId],
    );
    expect(n).toBe(closedResult.total);

    await expect(submit(opened.windowId)).rejects.toMatchObject({ code: 'COMMENT_WINDOW_NOT_OPEN' });
    expect(await comments.closeCommentWindow({ windowId: opened.windowId })).toEqual(closedResult);
    expect(await audits(input.procedureId, 'comment.window.closed')).toBe(1);
  });

  it('should require a reason unless adopted, keep a retried answer once, and audit a replaced one', async () => {
    const input = await windowInput();
    const opened = await comments.openCommentWindow(input);
    const [a, b, c] = [await submit(opened.windowId), await submit(opened.windowId), await submit(opened.windowId)];
    await comments.closeCommentWindow({ windowId: opened.windowId });
    const answer = (commentId: string, answer: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED', reason: string) => ({
      windowId: opened.windowId,
      commentId,
      answer,
      reason,
      actor: drafter,
      idempotencyKey: `answer-${randomUUID()}`,
    });

    for (const refusedAnswer of ['NOT_ADOPTED', 'PARTLY_ADOPTED'] as const) {
      const refused = await failureOf(comments.answerComment(answer(a.id, refusedAnswer, '')));
      expect(refused.type).toBe('RULE_VIOLATION');
    }
    expect(await comments.answerComment(answer(a.id, 'ADOPTED', ''))).toEqual({ answered: 1, total: 3 });

    const notAdopted = answer(b.id, 'NOT_ADOPTED', '上位法已有规定，无需重复');
    expect(await comments.answerComment(notAdopted)).toEqual({ answered: 2, total: 3 });
    // A retry of the same update after the answer was replaced does not bring the old answer back.
    const partly = answer(b.id, 'PARTLY_ADOPTED', '采纳退费时限，不采纳其他内容');
    await comments.answerComment(partly);
    expect(await comments.answerComment(notAdopted)).toEqual({ answered: 2, total: 3 });
    const [row] = await db.query<{ answer: string; answer_reason: string; answered_by: string }[]>(
      'SELECT answer, answer_reason, answered_by FROM public_comment WHERE id = $1',
      [b.id],
    );
    expect(row).toEqual({ answer: 'PARTLY_ADOPTED', answer_reason: partly.reason, answered_by: drafter.userId });
    expect(await audits(input.procedureId, 'comment.answered')).toBe(2);
    expect(await audits(input.procedureId, 'comment.answer.replaced')).toBe(1);

    const wrongWindow = await failureOf(
      comments.answerComment({ ...answer(c.id, 'ADOPTED', ''), windowId: randomUUID() }),
    );
    expect(wrongWindow.type).toBe('NOT_FOUND');

    expect(await comments.commentSummary({ windowId: opened.windowId })).toEqual({
      total: 3,
      answered: 2,
      adopted: 1,
      partlyAdopted: 1,
      notAdopted: 0,
    });
    await comments.answerComment(answer(c.id, 'NOT_ADOPTED', '与本文件调整范围无关'));
    expect(await comments.commentSummary({ windowId: opened.windowId })).toEqual({
      total: 3,
      answered: 3,
      adopted: 1,
      partlyAdopted: 1,
      notAdopted: 1,
    });
  });
});
