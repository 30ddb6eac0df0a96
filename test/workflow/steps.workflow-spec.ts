import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ActivityFailure, type ApplicationFailure } from '@temporalio/common';
import { DocumentKind, ErrorCode, type Actor, Role } from '@lawgate/domain';
import { eventually } from '../support/eventually';
import { testEnv, uniqueSuffix } from '../support/test-env';
import { useWorkflowHarness } from './harness';
import {
  StepStage as S,
  stepAnswer,
  stepCheckMaterials,
  stepCloseComment,
  stepFinishComment,
  stepFinishDrafting,
  stepMeeting,
  stepNote,
  stepOpenComment,
  stepOpinion,
  stepPublish,
  stepRegister,
  stepResubmit,
  stepSettled,
  stepState,
  stepUpload,
  stepWithdraw,
  type StepTestInput,
  type StepTestSnapshot,
} from './steps/step-test.contract';
import type { stepTestWorkflow } from './steps/step-test.workflow';

const departmentId = randomUUID();
const person = (roles: Role[], unitId = randomUUID()): Actor => ({
  userId: randomUUID(),
  username: roles[0].toLowerCase(),
  displayName: roles[0],
  roles,
  unitId,
});
const drafter = person([Role.Drafter], departmentId);
const adviser = person([Role.LegalAdviser]);
const officer = person([Role.LegalAffairsOfficer]);
const leader = person([Role.Leader]);
const sha = (n: number) => n.toString(16).padStart(64, '0');
type Handle = WorkflowHandle<typeof stepTestWorkflow>;

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  let cause = (err as WorkflowUpdateFailedError).cause;
  if (cause instanceof ActivityFailure) cause = cause.cause;
  return cause as ApplicationFailure;
}

/**
 * Each shared step module (workflows/steps) tested once, in a small test workflow made only of them and the kernel,
 * apart from any statute: document versions, comment window, materials check, legality review, revision, the gates
 * after the review (meeting, registration, publication) and withdrawal.
 */
describe('shared statutory steps, in a test procedure', () => {
  // The test workflow's bundle is built by the tier's set-up (test/setup/run-resources.ts, `stepTestBundle`).
  const harness = useWorkflowHarness('steps', { bundlePath: () => testEnv().stepTestBundlePath });

  async function start(): Promise<[Handle, StepTestSnapshot]> {
    const input: StepTestInput = {
      procedureId: randomUUID(),
      title: '步骤测试',
      departmentId,
      commentMinimum: { amount: 1, unit: 'SECONDS' },
      reviewMinimum: { amount: 0, unit: 'SECONDS' },
    };
    const handle = await harness.client.workflow.start<typeof stepTestWorkflow>('stepTestWorkflow', {
      taskQueue: harness.taskQueue,
      workflowId: `steps:${uniqueSuffix()}`,
      args: [input],
    });
    return [handle, await handle.executeUpdate(stepSettled, { args: [] })];
  }

  const upload = (h: Handle, n: number, kind = DocumentKind.Draft) =>
    h.executeUpdate(stepUpload, {
      args: [{ kind, sha256: sha(n), size: 1, mediaType: 'text/plain', filename: 'd.txt', note: '', actor: drafter }],
    });

  /** Drafting → comment window (closed by its timer, every comment answered) → materials check → review. */
  async function throughReview(h: Handle): Promise<StepTestSnapshot> {
    await upload(h, 1);
    await h.executeUpdate(stepFinishDrafting, { args: [{ actor: drafter }] });
    const procedureId = (await h.query(stepState)).procedureId;
    harness.comments.set(procedureId, ['c1']);
    await h.executeUpdate(stepOpenComment, { args: [{ actor: drafter }] });
    await eventually(async () => expect((await h.query(stepState)).commentWindow?.closed).toBe(true), 10000);
    expect((await refusal(h.executeUpdate(stepFinishComment, { args: [{ actor: drafter }] }))).message).toContain(
      '1 are not',
    );
    await h.executeUpdate(stepAnswer, { args: [{ commentId: 'c1', answer: 'ADOPTED', reason: '', actor: drafter }] });
    let s = await h.executeUpdate(stepFinishComment, { args: [{ actor: drafter }] });
    expect(s.stage).toBe(S.Materials);
    const incomplete = await refusal(
      h.executeUpdate(stepCheckMaterials, {
        args: [{ taskId: s.openTaskId!, complete: false, note: '', actor: officer }],
      }),
    );
    expect(incomplete.message).toContain('Say which materials are missing');
    s = await h.executeUpdate(stepCheckMaterials, {
      args: [{ taskId: s.openTaskId!, complete: true, note: '齐全', actor: officer }],
    });
    expect(s.stage).toBe(S.Review);
    return s;
  }

  it('should record document versions, refusing identical bytes, other stages and a text under review', async () => {
    const [h] = await start();
    let s = await upload(h, 1);
    expect(s.documents.DRAFT).toMatchObject({ version: 1, sha256: sha(1) });
    expect((await refusal(upload(h, 1))).message).toBe('This file is identical to version 1; nothing to add.');
    s = await upload(h, 2);
    expect(s.documents.DRAFT?.version).toBe(2);
    s = await throughReview(h);
    // Under review the text cannot change (the review stage is not an upload stage, and the task is open).
    expect((await refusal(upload(h, 3))).type).toBe(ErrorCode.WrongStage);
    expect(harness.calls.routeTask.filter((c) => c.workflowId === h.workflowId)).toHaveLength(1);
  });

  it('should close the comment window at its end, never earlier than its minimum on request', async () => {
    const [h] = await start();
    await upload(h, 1);
    await h.executeUpdate(stepFinishDrafting, { args: [{ actor: drafter }] });
    const s = await h.executeUpdate(stepOpenComment, { args: [{ actor: drafter }] });
    expect(s.commentWindow).toMatchObject({ closed: false, shortenedReason: null });
    await eventually(async () => expect((await h.query(stepState)).commentWindow?.closed).toBe(true), 10000);
    expect((await refusal(h.executeUpdate(stepCloseComment, { args: [{ actor: drafter }] }))).message).toContain(
      'no open comment window',
    );
    expect(harness.calls.closeCommentWindow.filter((c) => c.windowId === s.commentWindow!.windowId)).toHaveLength(1);
  });

  it('should bind the opinion to the text reviewed, and review a changed text again before any later gate', async () => {
    const [h] = await start();
    let s = await throughReview(h);
    const stale = await refusal(
      h.executeUpdate(stepOpinion, {
        args: [{ taskId: s.openTaskId!, conclusion: 'LAWFUL', reasons: '', reviewedSha256: sha(9), actor: adviser }],
      }),
    );
    expect(stale.type).toBe(ErrorCode.StaleVersion);
    s = await h.executeUpdate(stepOpinion, {
      args: [
        { taskId: s.openTaskId!, conclusion: 'MUST_AMEND', reasons: '改', reviewedSha256: sha(1), actor: adviser },
      ],
    });
    expect(s.stage).toBe(S.Revision);
    // Revision: a revised text goes back to review, even after an opinion that lets a statement answer it.
    expect(
      (await refusal(h.executeUpdate(stepResubmit, { args: [{ adoptedAll: true, actor: drafter }] }))).message,
    ).toContain('Upload the revised draft first');
    await upload(h, 2);
    s = await h.executeUpdate(stepResubmit, { args: [{ adoptedAll: true, actor: drafter }] });
    expect(s.stage).toBe(S.Review);
    s = await h.executeUpdate(stepOpinion, {
      args: [{ taskId: s.openTaskId!, conclusion: 'LAWFUL', reasons: '', reviewedSha256: sha(2), actor: adviser }],
    });
    expect(s.stage).toBe(S.Meeting);
    // A text changed after the lawful opinion: the meeting gate is refused, naming the article.
    await upload(h, 3);
    const meeting = { taskId: s.openTaskId!, meeting: '常务会议', meetingDate: '2026-11-20', actor: leader };
    const changed = await refusal(h.executeUpdate(stepMeeting, { args: [meeting] }));
    expect(changed.type).toBe(ErrorCode.RuleViolation);
    expect(changed.message).toContain('test 第一条');
    expect(changed.message).toContain('version 2');
    expect(s.opinions.map((o) => o.sha256)).toEqual([sha(1), sha(2)]);
  });

  it('should pass the gates on the reviewed text: meeting, registration with a number, publication', async () => {
    const [h] = await start();
    let s = await throughReview(h);
    s = await h.executeUpdate(stepOpinion, {
      args: [{ taskId: s.openTaskId!, conclusion: 'LAWFUL', reasons: '', reviewedSha256: sha(1), actor: adviser }],
    });
    const notADate = { taskId: s.openTaskId!, meeting: '常务会议', meetingDate: 'soon', actor: leader };
    expect((await refusal(h.executeUpdate(stepMeeting, { args: [notADate] }))).type).toBe(ErrorCode.ValidationFailed);
    expect((await refusal(h.executeUpdate(stepMeeting, { args: [{ ...notADate, actor: drafter }] }))).type).toBe(
      ErrorCode.Forbidden,
    );
    s = await h.executeUpdate(stepMeeting, { args: [{ ...notADate, meetingDate: '2026-11-20' }] });
    expect(s.stage).toBe(S.Registration);
    s = await h.executeUpdate(stepRegister, { args: [{ taskId: s.openTaskId!, actor: officer }] });
    expect(s.stage).toBe(S.Publication);
    expect(s.registration?.number).toBeTruthy();
    s = await h.executeUpdate(stepPublish, { args: [{ taskId: s.openTaskId!, reference: 'url', actor: officer }] });
    expect(s.stage).toBe(S.Done);
    const signed = harness.calls.recordDecision.filter((c) => c.workflowId === h.workflowId);
    expect(
      signed.filter((c) => ['ADOPTED', 'REGISTERED', 'PUBLISHED'].includes(c.decision)).map((c) => c.documentSha256),
    ).toEqual([sha(1), sha(1), sha(1)]);
  });

  it('should refuse a step as busy while another runs, even one whose own check asks nothing', async () => {
    const [h] = await start();
    // A client that passes a busy refusal on at once (the harness's client sends it again).
    const once = new Client({ connection: harness.client.connection }).workflow.getHandle(h.workflowId);
    const note = (handle: Pick<Handle, 'executeUpdate'>, text: string) =>
      handle.executeUpdate(stepNote, { args: [{ note: text, actor: drafter }] });
    const held = harness.hold('recordDecision', (i) => i.workflowId === h.workflowId && i.opinion === '一');
    const first = note(h, '一');
    await held.reached;
    expect((await refusal(note(once, '二'))).type).toBe(ErrorCode.ProcedureBusy);
    held.release();
    await first;
    // The lock is free again once the first step has ended: the second is taken, each recorded once.
    await note(once, '二');
    const notes = harness.calls.recordDecision.filter((d) => d.workflowId === h.workflowId && d.decision === 'NOTE');
    expect(notes.map((d) => d.opinion)).toEqual(['一', '二']);
  });

  it('should withdraw: the open comment window is closed and the procedure ends', async () => {
    const [h] = await start();
    await upload(h, 1);
    await h.executeUpdate(stepFinishDrafting, { args: [{ actor: drafter }] });
    const opened = await h.executeUpdate(stepOpenComment, {
      args: [{ period: { amount: 600, unit: 'SECONDS' }, actor: drafter }],
    });
    expect((await refusal(h.executeUpdate(stepWithdraw, { args: [{ reason: ' ', actor: drafter }] }))).type).toBe(
      ErrorCode.RuleViolation,
    );
    const s = await h.executeUpdate(stepWithdraw, { args: [{ reason: '不再需要', actor: drafter }] });
    expect(s).toMatchObject({ stage: S.Withdrawn, status: 'WITHDRAWN' });
    expect(harness.calls.closeCommentWindow.map((c) => c.windowId)).toContain(opened.commentWindow!.windowId);
    expect(harness.calls.endProcedure.find((c) => c.workflowId === h.workflowId)?.action).toBe('procedure.withdrawn');
    await h.result();
  });
});
