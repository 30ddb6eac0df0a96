import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandle } from '@temporalio/client';
import {
  DocumentKind,
  ErrorCode,
  Role,
  CONTRACT_CHECKLIST,
  CONTRACT_REVIEW_WORKFLOW_TYPE,
  ContractReviewStage as Stage,
  DEFAULT_CONTRACT_REVIEW_POLICY,
  crAddMilestoneUpdate,
  crAwaitSettledUpdate,
  crCloseUpdate,
  crCompleteMilestoneUpdate,
  crFileUpdate,
  crGiveOpinionUpdate,
  crRecordAcceptanceUpdate,
  crRecordPaymentUpdate,
  crSignUpdate,
  crSubmitDocumentVersionUpdate,
  crSubmitUpdate,
  getContractReviewStateQuery,
  type ContractConclusion,
  type ContractReviewInput,
  type ContractReviewPolicy,
  type ContractReviewSnapshot,
  type ContractReviewWorkflow,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import { person, recordHistory, refusal, sha, useWorkflowHarness } from './harness';
import { uniqueSuffix } from '../support/test-env';

const departmentId = randomUUID();
const drafter = person([Role.Drafter], departmentId, 'drafter');
const drafterAdviser = { ...drafter, roles: [Role.Drafter, Role.LegalAdviser] };
const adviser = person([Role.LegalAdviser], randomUUID(), 'adviser');

const POLICY: ContractReviewPolicy = {
  ...DEFAULT_CONTRACT_REVIEW_POLICY,
  version: 'test-seconds',
  reminderLeadSeconds: 1,
  unitStepPeriod: { amount: 60, unit: 'SECONDS' },
  reviewPeriod: { amount: 60, unit: 'SECONDS' },
  filingPeriod: { amount: 60, unit: 'SECONDS' },
  procurementFilingPeriod: { amount: 30, unit: 'SECONDS' },
  smePaymentPeriod: { amount: 30, unit: 'SECONDS' },
  smePaymentMaxAgreed: { amount: 60, unit: 'SECONDS' },
  expiryReminder: { amount: 60, unit: 'SECONDS' },
};
type Handle = WorkflowHandle<ContractReviewWorkflow>;
/** How long after its start the procedure's expiry reminder falls due, when a test times it. */
const REMINDER_DELAY_MS = 10000;
const checklist = (failed: Record<string, string> = {}, notes: Record<string, string> = {}) =>
  CONTRACT_CHECKLIST.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? notes[item] ?? '' }));

describe('contractReviewWorkflow (政府合同合法性审查)', () => {
  const harness = useWorkflowHarness('cr');

  async function start(
    termEnd = '2099-12-31',
    administrativeAgreement = true,
    policy = POLICY,
  ): Promise<[Handle, ContractReviewSnapshot]> {
    const procedureId = randomUUID();
    const input: ContractReviewInput = {
      procedureId,
      contractNumber: `HT-${uniqueSuffix()}`,
      title: '城区停车场特许经营协议',
      departmentId,
      departmentCode: 'JT-MKT',
      drafter,
      facts: {
        kind: 'FRANCHISE_PPP',
        administrativeAgreement,
        basis: 'PROCUREMENT',
        counterpart: '某停车管理公司',
        counterpartSme: true,
        amountYuan: 3000000,
        termStart: '2026-04-01',
        termEnd,
        scopeReason: '特许经营',
      },
      policy,
    };
    const h = await harness.client.workflow.start<ContractReviewWorkflow>(CONTRACT_REVIEW_WORKFLOW_TYPE, {
      taskQueue: harness.taskQueue,
      workflowId: `contract-review:test:${procedureId}`,
      args: [harness.versioned(input)],
    });
    return [h, await h.executeUpdate(crAwaitSettledUpdate, { args: [] })];
  }
  const upload = (h: Handle, n: number) =>
    h.executeUpdate(crSubmitDocumentVersionUpdate, {
      args: [
        {
          kind: DocumentKind.Draft,
          sha256: sha(n),
          size: 1,
          mediaType: 'text/plain',
          filename: 'c.txt',
          note: '',
          actor: drafter,
        },
      ],
    });
  const opinion = (
    h: Handle,
    s: ContractReviewSnapshot,
    conclusion: ContractConclusion,
    list = checklist({}, { DISPUTE_CLAUSE_VALID: '无仲裁条款，约定由法院管辖' }),
    by = adviser,
  ) =>
    h.executeUpdate(crGiveOpinionUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          conclusion,
          reasons: '审查意见',
          checklist: list,
          reviewedSha256: s.documents.DRAFT!.sha256,
          actor: by,
        },
      ],
    });

  /** Submitted, reviewed (passed), signed and filed: the contract is in performance, its register kept. */
  async function toPerformance(h: Handle): Promise<ContractReviewSnapshot> {
    await upload(h, 1);
    let s = await h.executeUpdate(crSubmitUpdate, { args: [{ note: '送审', actor: drafter }] });
    s = await opinion(h, s, 'PASS', checklist());
    s = await h.executeUpdate(crSignUpdate, { args: [{ signedSha256: sha(1), signatory: '局长', actor: drafter }] });
    return h.executeUpdate(crFileUpdate, {
      args: [{ taskId: s.openTaskId!, filedWith: ['司法局'], reference: 'BA-2', actor: drafter }],
    });
  }

  it('should review, revise, sign only the reviewed text, file and keep the register to completion', async () => {
    const [h] = await start();
    const early = await refusal(
      h.executeUpdate(crSignUpdate, { args: [{ signedSha256: sha(1), signatory: '局长', actor: drafter }] }),
    );
    expect([early.type, early.message]).toEqual([ErrorCode.RuleViolation, expect.stringContaining('G-D2')]);
    await upload(h, 1);
    let s = await h.executeUpdate(crSubmitUpdate, { args: [{ note: '送审', actor: drafter }] });
    expect(s.stage).toBe(Stage.LegalityReview);
    expect(harness.calls.routeTask.find((t) => t.workflowId === h.workflowId)?.drafterIds).toContain(drafter.userId);
    const own = await refusal(opinion(h, s, 'PASS', undefined, drafterAdviser));
    expect([own.type, own.message]).toEqual([ErrorCode.Forbidden, expect.stringContaining('never reviews')]);
    const arbitration = await refusal(opinion(h, s, 'PASS', checklist()));
    expect(arbitration.message).toContain('第二十六条');
    s = await opinion(h, s, 'REVISE', checklist({ NO_GOVERNMENT_GUARANTEE: '删除第十条政府担保条款' }));
    expect(s.stage).toBe(Stage.Revision);
    await upload(h, 2);
    s = await h.executeUpdate(crSubmitUpdate, { args: [{ note: '已删除担保条款', actor: drafter }] });
    s = await opinion(h, s, 'PASS');
    expect(s.stage).toBe(Stage.Signing);
    const stale = await refusal(
      h.executeUpdate(crSignUpdate, { args: [{ signedSha256: sha(9), signatory: '局长', actor: drafter }] }),
    );
    expect(stale.type).toBe(ErrorCode.StaleVersion);
    // A different text at signing re-opens the review.
    s = await upload(h, 3);
    expect(s.stage).toBe(Stage.LegalityReview);
    s = await opinion(h, s, 'PASS');
    s = await h.executeUpdate(crSignUpdate, { args: [{ signedSha256: sha(3), signatory: '局长', actor: drafter }] });
    expect(s.stage).toBe(Stage.Filing);
    expect(harness.calls.openTask.find((t) => t.workflowId === h.workflowId && t.kind === 'CR_FILING')?.period).toEqual(
      POLICY.procurementFilingPeriod,
    );
    s = await h.executeUpdate(crFileUpdate, {
      args: [{ taskId: s.openTaskId!, filedWith: ['司法局', '财政局'], reference: 'BA-1', actor: drafter }],
    });
    expect([s.stage, s.status]).toEqual([Stage.Performance, 'IN_FORCE']);
    await h.executeUpdate(crAddMilestoneUpdate, {
      args: [{ title: '一期建成', dueDate: '2026-09-30', actor: drafter }],
    });
    const tooLong = await refusal(
      h.executeUpdate(crRecordAcceptanceUpdate, { args: [{ item: '一期', agreedDays: 90, actor: drafter }] }),
    );
    expect(tooLong.message).toContain('第九条');
    s = await h.executeUpdate(crRecordAcceptanceUpdate, { args: [{ item: '一期', actor: drafter }] });
    expect(Date.parse(s.payments[0].dueAt) - Date.parse(s.payments[0].acceptedAt)).toBe(30000);
    const open = await refusal(h.executeUpdate(crCloseUpdate, { args: [{ reason: '完毕', actor: drafter }] }));
    expect(open.message).toContain('一期建成');
    await h.executeUpdate(crCompleteMilestoneUpdate, { args: [{ item: '一期建成', actor: drafter }] });
    await h.executeUpdate(crRecordPaymentUpdate, { args: [{ item: '一期', actor: drafter }] });
    s = await h.executeUpdate(crCloseUpdate, { args: [{ reason: '履行完毕', actor: drafter }] });
    expect([s.stage, s.status]).toEqual([Stage.Completed, 'ENDED']);
    expect(s.opinions.map((o) => o.conclusion)).toEqual(['REVISE', 'PASS', 'PASS']);
    recordHistory(h.workflowId, 'contract-review-v1-rework-loop');
  });

  it('should remind the unit of expiry with a task in the register', async () => {
    const [h] = await start('2020-01-01', false);
    await toPerformance(h);
    await eventually(async () => expect((await h.query(getContractReviewStateQuery)).expiryReminded).toBe(true), 30000);
    // The flag is set before the reminder's task is opened (it keeps a second reminder out): wait for the task too.
    await eventually(async () =>
      expect(harness.calls.openTask.some((t) => t.workflowId === h.workflowId && t.kind === 'CR_EXPIRY')).toBe(true),
    );
    recordHistory(h.workflowId, 'contract-review-v1-happy-path');
  });

  /**
   * The busy lock (workflows/kernel/procedure-run.ts) when the expiry reminder's timer opens its task while the unit
   * keeps the register: the activities meeting there are held (`harness.hold`) so that the overlap stays open.
   */
  describe('a register step and the expiry reminder at the same moment', () => {
    /** The procedure through a client that passes a busy refusal on at once (the harness's client sends it again). */
    const once = (h: Handle) =>
      new Client({ connection: harness.client.connection }).workflow.getHandle<ContractReviewWorkflow>(h.workflowId);
    const milestone = (h: Handle, title: string) =>
      h.executeUpdate(crAddMilestoneUpdate, { args: [{ title, dueDate: '2026-09-30', actor: drafter }] });
    const expiryTasks = (h: Handle) =>
      harness.calls.openTask.filter((t) => t.workflowId === h.workflowId && t.kind === 'CR_EXPIRY');
    /** The reminder reminds the holder of the task it opened: that task is the procedure's open task. */
    const remindedOfOpenTask = (s: ContractReviewSnapshot) =>
      eventually(async () => expect(harness.calls.remindTask.map((r) => r.taskId)).toContain(s.openTaskId));

    it('should leave the procedure idle after a step that ended while the reminder was opening its task', async () => {
      // The reminder falls due REMINDER_DELAY_MS after the start, once the contract is in performance.
      const termEnd = new Date(Date.now() + 8 * 3600000 + 3 * 86400000).toISOString().slice(0, 10);
      const dueIn = Date.parse(`${termEnd}T00:00:00+08:00`) - Date.now() - REMINDER_DELAY_MS;
      const expiryReminder = { amount: Math.round(dueIn / 1000), unit: 'SECONDS' as const };
      const [h] = await start(termEnd, false, { ...POLICY, expiryReminder });
      await toPerformance(h);
      const deadline = harness.hold('computeDeadline', (i) => i.period.amount === 45);
      const opening = harness.hold('openTask', (i) => i.workflowId === h.workflowId && i.kind === 'CR_EXPIRY');
      const accepted = h.executeUpdate(crRecordAcceptanceUpdate, {
        args: [{ item: '一期', agreedDays: 45, actor: drafter }],
      });
      // The step runs (its payment deadline is being computed) before the reminder falls due.
      await Promise.race([deadline.reached, accepted]);
      expect([deadline.isReached, opening.isReached]).toEqual([true, false]);
      // The reminder falls due while the step runs, and opens its task.
      await opening.reached;
      const busy = await refusal(milestone(once(h), '二期建成'));
      expect(busy.type).toBe(ErrorCode.ProcedureBusy);
      // The step ends while the task is still being opened, and the procedure stays busy until the task is open.
      deadline.release();
      expect((await accepted).payments.map((x) => x.item)).toEqual(['一期']);
      const stillOpening = await refusal(milestone(once(h), '二期建成'));
      expect(stillOpening.type).toBe(ErrorCode.ProcedureBusy);
      opening.release();
      await eventually(async () => expect((await h.query(getContractReviewStateQuery)).openTaskId).not.toBeNull());
      // Neither left the procedure busy: the next step is taken at once.
      const s = await once(h).executeUpdate(crRecordPaymentUpdate, { args: [{ item: '一期', actor: drafter }] });
      expect(s.payments[0].paidAt).not.toBeNull();
      expect(expiryTasks(h)).toHaveLength(1);
      await remindedOfOpenTask(s);
      recordHistory(h.workflowId, 'contract-review-v4-busy-lock-counts-openings');
    });

    it('should refuse a step as busy while the reminder opens its task, and take it once the task is open', async () => {
      const [h] = await start('2020-01-01', false);
      const opening = harness.hold('openTask', (i) => i.workflowId === h.workflowId && i.kind === 'CR_EXPIRY');
      await toPerformance(h);
      // The term has ended: the reminder is due on entering performance, and its task is being opened.
      await opening.reached;
      const busy = await refusal(milestone(once(h), '一期建成'));
      expect(busy.type).toBe(ErrorCode.ProcedureBusy);
      // The harness's client, like the product's, sends a busy step again: it lands once the task is open.
      const resent = milestone(h, '一期建成');
      opening.release();
      expect((await resent).milestones.map((m) => m.title)).toEqual(['一期建成']);
      const s = await once(h).executeUpdate(crCompleteMilestoneUpdate, {
        args: [{ item: '一期建成', actor: drafter }],
      });
      expect(s.milestones[0].doneAt).not.toBeNull();
      expect(expiryTasks(h)).toHaveLength(1);
      await remindedOfOpenTask(s);
    });
  });
});
