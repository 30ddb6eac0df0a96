import {
  ErrorCode,
  NormativeDocumentStage as Stage,
  amendmentTookEffectUpdate,
  applyCleanupDecisionUpdate,
  decideEvaluationUpdate,
  getProcedureStateQuery,
  linkAmendmentUpdate,
  setEffectiveDateUpdate,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { Calls } from '../support/fake-activities';
import { recordHistory, refusal, useWorkflowHarness } from './harness';
import { drafter, officer, publish, startDocument, toDeliberation, type Handle } from './support/normative-walk';

const GB37 = '国办发〔2018〕37号';
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** Validity runs from the effective date the drafter sets; the evaluation before expiry ends in a real outcome. */
describe('validity and its end', () => {
  const harness = useWorkflowHarness('law-validity');
  let calls: Calls;
  beforeAll(() => {
    calls = harness.calls;
  });
  const evaluationOpen = async (h: Handle) =>
    eventually(async () => {
      const s = await h.query(getProcedureStateQuery);
      expect(s.evaluationTaskId).toBeTruthy();
      return s;
    }, 20000);

  it('should take the effective date from the drafter, refuse one too early without a reason, and continue, amend and replace', async () => {
    const { handle, input } = await startDocument(harness, {
      policy: { earliestEffectiveAfter: { amount: 30, unit: 'SECONDS' } },
    });
    const s0 = await toDeliberation(handle, async () => {
      // Earlier than the policy's earliest date after publication, without a reason: refused, naming the rule.
      const early = await refusal(
        handle.executeUpdate(setEffectiveDateUpdate, { args: [{ effectiveDate: inSeconds(3), actor: drafter }] }),
      );
      expect(early.type).toBe(ErrorCode.RuleViolation);
      expect(early.message).toContain(GB37);
      expect(early.message).toContain('施行');
      // A validity longer than the policy's maximum is refused too.
      const long = await refusal(
        handle.executeUpdate(setEffectiveDateUpdate, {
          args: [{ effectiveDate: '2027-01-01', validUntil: '2040-12-31', earlyEffectReason: 'x', actor: drafter }],
        }),
      );
      expect(long.message).toContain(GB37);
    });
    // With its reason it is taken, and the reason recorded as a decision: set just before the deliberation, so that the
    // validity's timers count from the publication however long the steps before it took.
    const set = await handle.executeUpdate(setEffectiveDateUpdate, {
      args: [
        {
          effectiveDate: inSeconds(2),
          validUntil: inSeconds(12),
          earlyEffectReason: '防汛应急，公布即施行',
          actor: drafter,
        },
      ],
    });
    expect(set.discretions).toEqual([
      expect.objectContaining({ rule: 'EARLY_EFFECT', reason: '防汛应急，公布即施行' }),
    ]);
    let s = await publish(handle, s0);
    expect(s.stage).toBe(Stage.InForce);
    const validity = calls.setRegisterValidity.find((c) => c.idempotencyKey === `${handle.workflowId}:validity`)!;
    expect(validity.effectiveAt).toBe(s.validity!.effectiveAt);
    expect(s.validity!.effectiveDate).not.toBeNull();

    // The evaluation opens before expiry; it is a task only a decision closes.
    s = await evaluationOpen(handle);
    const evaluationTask = s.evaluationTaskId!;
    const notOfficer = await refusal(
      handle.executeUpdate(decideEvaluationUpdate, {
        args: [{ taskId: evaluationTask, decision: 'CONTINUE', reason: '仍需施行', actor: drafter }],
      }),
    );
    expect(notOfficer.type).toBe(ErrorCode.Forbidden);
    const noReason = await refusal(
      handle.executeUpdate(decideEvaluationUpdate, {
        args: [{ taskId: evaluationTask, decision: 'CONTINUE', reason: ' ', actor: officer }],
      }),
    );
    expect(noReason.message).toContain(GB37);
    // The next evaluation opens halfway to the new end.
    const newEnd = inSeconds(10);
    s = await handle.executeUpdate(decideEvaluationUpdate, {
      args: [
        {
          taskId: evaluationTask,
          decision: 'CONTINUE',
          reason: '评估认为仍需施行',
          validUntil: newEnd,
          actor: officer,
        },
      ],
    });
    expect(s.evaluationTaskId).toBeNull();
    expect(s.expiresAt).toBe(newEnd);
    expect(s.validity!.continuations).toHaveLength(1);
    const continued = calls.setRegisterValidity.find((c) => c.idempotencyKey === `${handle.workflowId}:continue:1`)!;
    expect(continued).toMatchObject({ effectiveAt: null, reason: expect.stringContaining('继续施行') as unknown });
    const continueSign = calls.recordDecision.find(
      (c) => c.workflowId === handle.workflowId && c.decision === 'EVALUATED_CONTINUE',
    )!;
    expect(continueSign.taskId).toBe(evaluationTask);

    // The second evaluation decides to amend: the drafting department is asked to start the linked procedure.
    s = await eventually(async () => {
      const now = await handle.query(getProcedureStateQuery);
      expect(now.evaluationTaskId).toBeTruthy();
      expect(now.evaluationTaskId).not.toBe(evaluationTask);
      return now;
    }, 40000);
    s = await handle.executeUpdate(decideEvaluationUpdate, {
      args: [{ taskId: s.evaluationTaskId!, decision: 'AMEND', reason: '上位法修改，需修订', actor: officer }],
    });
    expect(s.amendment).toMatchObject({ source: 'EVALUATION', procedureId: null });
    const amendmentTask = calls.openTask.find((c) => c.workflowId === handle.workflowId && c.kind === 'AMENDMENT')!;
    expect(amendmentTask.assignTo).toEqual({ unitId: input.departmentId });
    expect(s.waitingFor).toContain('修订');

    const successor = await startDocument(harness, {
      amends: {
        procedureId: input.procedureId,
        workflowId: handle.workflowId,
        registerEntryId: s.registration!.registerEntryId,
        number: s.registration!.number,
      },
    });
    s = await handle.executeUpdate(linkAmendmentUpdate, {
      args: [{ procedureId: successor.input.procedureId, workflowId: successor.handle.workflowId, actor: drafter }],
    });
    expect(s.amendment).toMatchObject({ procedureId: successor.input.procedureId, taskId: null });
    // The old document stays in force past its end while the amendment is under way.
    await new Promise((r) => setTimeout(r, Date.parse(newEnd) - Date.now() + 1500));
    expect((await handle.query(getProcedureStateQuery)).stage).toBe(Stage.InForce);

    // The amendment, once in force at its effective date, replaces the old document.
    const s1 = await toDeliberation(successor.handle);
    const published = await publish(successor.handle, s1);
    expect(published.amends).toMatchObject({ procedureId: input.procedureId });
    const replace = await eventually(async () => {
      const call = calls.replaceAmendedDocument.find((c) => c.procedureId === successor.input.procedureId);
      expect(call).toBeDefined();
      return call!;
    }, 20000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(published.validity!.effectiveAt!));
    // What the activity sends the old document's workflow through the procedure gateway:
    const replaced = await handle.executeUpdate(amendmentTookEffectUpdate, {
      args: [
        {
          procedureId: replace.procedureId,
          registerEntryId: replace.registerEntryId,
          number: replace.number,
          effectiveAt: replace.effectiveAt,
          actor: replace.actor,
        },
      ],
      updateId: replace.updateId,
    });
    expect(replaced).toMatchObject({ stage: Stage.Replaced, status: 'ENDED' });
    expect(calls.setRegisterStatus.find((c) => c.registerEntryId === `entry-${input.procedureId}`)).toMatchObject({
      status: 'REPLACED',
      replacedByEntryId: `entry-${successor.input.procedureId}`,
    });
    expect(
      calls.recordDecision
        .filter((c) => c.workflowId === handle.workflowId && c.stage === (Stage.InForce as string))
        .map((c) => c.decision),
    ).toEqual(['EVALUATED_CONTINUE', 'EVALUATED_AMEND', 'AMENDMENT_STARTED', 'REPLACED']);
    await handle.result();
    recordHistory(handle.workflowId);
    await successor.handle.terminate('test done');
  });

  it('should let a document expire when the evaluation so decides, and refuse a second decision', async () => {
    const { handle, input } = await startDocument(harness, { policy: { validitySeconds: 6 } });
    let s = await publish(handle, await toDeliberation(handle));
    s = await evaluationOpen(handle);
    const taskId = s.evaluationTaskId!;
    s = await handle.executeUpdate(decideEvaluationUpdate, {
      args: [{ taskId, decision: 'EXPIRE', reason: '调整对象已消失，届满失效', actor: officer }],
    });
    const again = await refusal(
      handle.executeUpdate(decideEvaluationUpdate, {
        args: [{ taskId, decision: 'CONTINUE', reason: 'x', actor: officer }],
      }),
    );
    expect(again.type).toBe(ErrorCode.TaskClosed);
    expect(await handle.result()).toMatchObject({ stage: Stage.Expired, status: 'ENDED' });
    expect(calls.setRegisterStatus.find((c) => c.registerEntryId === `entry-${input.procedureId}`)).toMatchObject({
      status: 'EXPIRED',
    });
    expect(
      calls.recordDecision.find((c) => c.workflowId === handle.workflowId && c.decision === 'EVALUATED_EXPIRE')?.taskId,
    ).toBe(taskId);
  });

  it('should carry out a clean-up AMEND: the drafting department is asked to start the linked amendment', async () => {
    const { handle, input } = await startDocument(harness);
    await publish(handle, await toDeliberation(handle));
    calls.recordCleanupDecision.push({
      campaignId: 'law-c-1',
      registerEntryId: `entry-${input.procedureId}`,
      procedureId: input.procedureId,
      taskId: null,
      decision: 'AMEND',
      reason: '与新法不一致',
      actor: officer,
      idempotencyKey: 'review-law-c-1',
    });
    const s = await handle.executeUpdate(applyCleanupDecisionUpdate, {
      args: [{ campaignId: 'law-c-1', decision: 'AMEND', reason: '与新法不一致', actor: officer }],
    });
    expect(s.amendment).toMatchObject({ source: 'CLEANUP', campaignId: 'law-c-1', reason: '与新法不一致' });
    expect(calls.openTask.find((c) => c.workflowId === handle.workflowId && c.kind === 'AMENDMENT')).toMatchObject({
      assignTo: { unitId: input.departmentId },
    });
    const link = await refusal(
      handle.executeUpdate(linkAmendmentUpdate, { args: [{ procedureId: '', workflowId: 'x', actor: drafter }] }),
    );
    expect(link.type).toBe(ErrorCode.RuleViolation);
    await handle.terminate('test done');
  });
});
