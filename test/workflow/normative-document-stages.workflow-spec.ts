import {
  DocumentKind,
  ErrorCode,
  NormativeDocumentStage as Stage,
  applyCleanupDecisionUpdate,
  cleanupDecisionSignal,
  closeCommentWindowUpdate,
  completeDraftingUpdate,
  completePublicCommentUpdate,
  extendCommentWindowUpdate,
  getProcedureStateQuery,
  giveLegalityOpinionUpdate,
  openCommentWindowUpdate,
  recordDeliberationUpdate,
  recordFilingEventUpdate,
  registerDocumentUpdate,
  repealDocumentUpdate,
  resubmitRevisionUpdate,
  submitForLegalityReviewUpdate,
  withdrawProcedureUpdate,
  type NormativeDocumentInput,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { Calls } from '../support/fake-activities';
import { recordHistory, refusal, useWorkflowHarness } from './harness';
import {
  POLICY,
  adviser,
  deliberate,
  drafter,
  officer,
  opinion,
  startDocument,
  throughComment,
  throughDrafting,
  throughPublication,
  throughSubmission,
  upload,
  type Handle,
} from './support/normative-walk';

describe('normativeDocumentWorkflow, from drafting to expiry', () => {
  const harness = useWorkflowHarness('nd-stages');
  let calls: Calls;

  beforeAll(() => {
    calls = harness.calls;
  });

  const start = (o: Parameters<typeof startDocument>[1] = {}) => startDocument(harness, o);

  /** Drafting done and the comment window passed with the given comments, up to the drafting unit's own check. */
  async function commented(handle: Handle, input: NormativeDocumentInput, commentIds: string[] = []) {
    await throughDrafting(handle);
    return throughComment(handle, { harness, procedureId: input.procedureId, commentIds });
  }

  it('should run the whole procedure: fair competition, comments, review, deliberation, number, publication, filing', async () => {
    const { handle, input } = await start({ touchesBusiness: true });
    await commented(handle, input, ['c-1', 'c-2']);
    const window = calls.openCommentWindow.find((c) => c.procedureId === input.procedureId)!;
    // A document that concerns businesses gets the longer statutory minimum.
    expect(window.minimumPeriod).toEqual(POLICY.businessCommentPeriod);
    expect(calls.answerComment.filter((c) => c.windowId === `window-${input.procedureId}`)).toHaveLength(2);

    let s = await throughSubmission(handle);
    expect(calls.routeTask.find((c) => c.workflowId === s.workflowId && c.kind === 'LEGALITY_REVIEW')).toMatchObject({
      period: POLICY.legalityReviewMaximum,
      drafterIds: [drafter.userId],
    });
    s = await opinion(handle, s, 'LAWFUL');
    expect(s.stage).toBe(Stage.Deliberation);
    s = await deliberate(handle, s, 'ADOPTED');
    expect(s.stage).toBe(Stage.Registration);
    s = await throughPublication(handle, s);
    expect(s).toMatchObject({ stage: Stage.InForce, status: 'IN_FORCE' });
    expect(s.registration?.number).toMatch(/^坛政规〔2026〕\d+号$/);
    expect(calls.registerDocument.find((c) => c.procedureId === input.procedureId)).toMatchObject({
      issuerUnitId: input.issuerUnitId,
      validityYears: 5,
      idempotencyKey: `registration:${input.procedureId}`,
    });
    const filing = calls.openFiling.find((c) => c.procedureId === input.procedureId)!;
    expect(filing.packageItems.map((i) => i.kind)).toEqual(['TEXT', 'DRAFTING_EXPLANATION', 'LEGALITY_OPINION']);
    expect(s.filing).toMatchObject({ status: 'PENDING' });

    // Every person's step went into the ledger, in statutory order.
    const decisions = calls.recordDecision.filter((c) => c.procedureId === input.procedureId).map((c) => c.decision);
    expect(decisions).toEqual([
      'APPROVED',
      'DRAFT_COMPLETED',
      'COMPLIANT',
      'MARKET_REGULATION_COMPLIANT',
      'PUBLISHED_FOR_COMMENT',
      'COMMENTS_ANSWERED',
      'SUBMITTED_FOR_REVIEW',
      'MATERIALS_COMPLETE',
      'LAWFUL',
      'ADOPTED',
      'REGISTERED',
      'PUBLISHED',
    ]);

    s = await handle.executeUpdate(recordFilingEventUpdate, {
      args: [{ event: 'SUBMITTED', note: '已报送市政府备案', actor: officer }],
    });
    s = await handle.executeUpdate(recordFilingEventUpdate, {
      args: [{ event: 'ACCEPTED', note: '准予备案', actor: officer }],
    });
    expect(s.filing?.status).toBe('ACCEPTED');
    // A government document is filed with a second recipient too; the filing task closes once both accepted.
    expect(s.openTaskId).not.toBeNull();
    await handle.executeUpdate(recordFilingEventUpdate, {
      args: [{ event: 'SUBMITTED', note: '已报送区人大常委会备案', actor: officer }],
    });
    s = await handle.executeUpdate(recordFilingEventUpdate, {
      args: [{ event: 'ACCEPTED', note: '准予备案', actor: officer }],
    });
    expect(s.filings!.map((f) => f.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(s.openTaskId).toBeNull();
    s = await handle.executeUpdate(repealDocumentUpdate, { args: [{ reason: '清理：已不适应', actor: officer }] });
    expect(s).toMatchObject({ stage: Stage.Repealed, status: 'ENDED' });
    expect(calls.setRegisterStatus.find((c) => c.registerEntryId === `entry-${input.procedureId}`)).toMatchObject({
      status: 'REPEALED',
    });
    await handle.result();
    recordHistory(handle.workflowId);
  });

  it('should send an unlawful draft back for revision and review the revised draft again', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'UNLAWFUL');
    expect(s.stage).toBe(Stage.Revision);

    // An unlawful opinion cannot be answered with a statement, nor with the same draft.
    const statement = await refusal(
      handle.executeUpdate(resubmitRevisionUpdate, {
        args: [{ adoptedAll: false, nonAdoptionStatement: '我们认为合法', actor: drafter }],
      }),
    );
    expect(statement.type).toBe(ErrorCode.RuleViolation);
    const unchanged = await refusal(
      handle.executeUpdate(resubmitRevisionUpdate, { args: [{ adoptedAll: true, actor: drafter }] }),
    );
    expect(unchanged.message).toContain('Upload the revised draft');
    // A deliberation cannot be recorded on an unlawful opinion either.
    expect((await handle.query(getProcedureStateQuery)).stage).toBe(Stage.Revision);

    await upload(handle, DocumentKind.Draft);
    s = await handle.executeUpdate(resubmitRevisionUpdate, { args: [{ adoptedAll: true, actor: drafter }] });
    expect(s.stage).toBe(Stage.LegalityReview);
    expect(calls.routeTask.filter((c) => c.workflowId === s.workflowId && c.kind === 'LEGALITY_REVIEW')).toHaveLength(
      2,
    );
    s = await opinion(handle, s, 'LAWFUL');
    expect(s.stage).toBe(Stage.Deliberation);
    expect(s.legalityOpinions!.map((o) => [o.conclusion, o.version])).toEqual([
      ['UNLAWFUL', 1],
      ['LAWFUL', 2],
    ]);
  });

  it('should take a must-amend opinion to deliberation with the statement of reasons for not adopting it', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'MUST_AMEND');
    const noStatement = await refusal(
      handle.executeUpdate(resubmitRevisionUpdate, { args: [{ adoptedAll: false, actor: drafter }] }),
    );
    expect(noStatement.message).toContain('statement of the reasons and basis');
    s = await handle.executeUpdate(resubmitRevisionUpdate, {
      args: [
        { adoptedAll: false, nonAdoptionStatement: '该条款有省政府规章依据（苏政规〔2025〕3号）', actor: drafter },
      ],
    });
    expect(s.stage).toBe(Stage.Deliberation);
    expect(s.legalityOpinions![0]).toMatchObject({
      conclusion: 'MUST_AMEND',
      nonAdoptionStatement: '该条款有省政府规章依据（苏政规〔2025〕3号）',
    });
    const signed = calls.recordDecision.find(
      (c) => c.procedureId === input.procedureId && c.decision === 'REVISED_WITH_STATEMENT',
    );
    expect(signed?.opinion).toContain('苏政规〔2025〕3号');
  });

  it('should review a text revised after a must-amend opinion again before deliberation: the opinion binds its version', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    // Under review, the text cannot change (the upload stages exclude the review).
    expect((await refusal(upload(handle, DocumentKind.Draft))).type).toBe(ErrorCode.WrongStage);
    s = await opinion(handle, s, 'MUST_AMEND');
    expect(s.stage).toBe(Stage.Revision);
    s = await upload(handle, DocumentKind.Draft);
    s = await handle.executeUpdate(resubmitRevisionUpdate, { args: [{ adoptedAll: true, actor: drafter }] });
    expect(s.stage).toBe(Stage.LegalityReview);
    s = await opinion(handle, s, 'LAWFUL');
    expect(s.stage).toBe(Stage.Deliberation);
    expect(s.legalityOpinions!.map((o) => [o.conclusion, o.version])).toEqual([
      ['MUST_AMEND', 1],
      ['LAWFUL', 2],
    ]);
    s = await deliberate(handle, s, 'ADOPTED');
    const adopted = calls.recordDecision.find((c) => c.procedureId === input.procedureId && c.decision === 'ADOPTED');
    expect(adopted?.documentSha256).toBe(s.documents!.DRAFT!.sha256);
    expect(s.documents!.DRAFT!.version).toBe(2);
  });

  it('should refuse to close the comment window before its statutory minimum, and let it be extended', async () => {
    const { handle, input } = await start({
      policy: { generalCommentPeriod: { amount: 4, unit: 'SECONDS' } },
    });
    await throughDrafting(handle);

    // Shorter than the minimum only with a published reason.
    const short = await refusal(
      handle.executeUpdate(openCommentWindowUpdate, {
        args: [{ period: { amount: 1, unit: 'SECONDS' }, actor: drafter }],
      }),
    );
    expect(short.message).toContain('statutory minimum');
    expect((await handle.query(getProcedureStateQuery)).commentWindow).toBeNull();

    await handle.executeUpdate(openCommentWindowUpdate, { args: [{ actor: drafter }] });
    const early = await refusal(handle.executeUpdate(closeCommentWindowUpdate, { args: [{ actor: drafter }] }));
    expect(early.type).toBe(ErrorCode.RuleViolation);
    expect(early.message).toContain('may not close before');
    const skip = await refusal(
      handle.executeUpdate(completePublicCommentUpdate, { args: [{ note: '', actor: drafter }] }),
    );
    expect(skip.message).toContain('cannot be skipped');

    const before = (await handle.query(getProcedureStateQuery)).commentWindow!;
    const extended = await handle.executeUpdate(extendCommentWindowUpdate, {
      args: [{ extension: { amount: 2, unit: 'SECONDS' }, reason: '社会关注度高', actor: drafter }],
    });
    expect(Date.parse(extended.commentWindow!.closesAt) - Date.parse(before.closesAt)).toBe(2000);
    // It closes by itself at the extended end, not at the original one.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(before.closesAt) - Date.now() + 500));
    expect((await handle.query(getProcedureStateQuery)).commentWindow!.closed).toBe(false);
    await eventually(async () => expect((await handle.query(getProcedureStateQuery)).commentWindow!.closed).toBe(true));
    expect(calls.closeCommentWindow.filter((c) => c.windowId === `window-${input.procedureId}`)).toHaveLength(1);
  });

  it('should accept a shortened comment period when its reason is given', async () => {
    const { handle } = await start({ policy: { generalCommentPeriod: { amount: 30, unit: 'SECONDS' } } });
    await throughDrafting(handle);
    const s = await handle.executeUpdate(openCommentWindowUpdate, {
      args: [{ period: { amount: 1, unit: 'SECONDS' }, shortenedReason: '防汛应急需要', actor: drafter }],
    });
    expect(s.commentWindow?.shortenedReason).toBe('防汛应急需要');
    await eventually(async () => expect((await handle.query(getProcedureStateQuery)).commentWindow!.closed).toBe(true));
  });

  it('should remind and escalate an overdue legality review, keep the minimum review time, then take the opinion', async () => {
    const { handle, input } = await start({
      policy: {
        legalityReviewMinimum: { amount: 2, unit: 'SECONDS' },
        legalityReviewMaximum: { amount: 3, unit: 'SECONDS' },
      },
    });
    await commented(handle, input);
    const s = await throughSubmission(handle);
    const early = await refusal(opinion(handle, s, 'LAWFUL'));
    expect(early.message).toContain('minimum review time');
    await eventually(async () => expect(calls.remindTask.filter((c) => c.taskId === s.openTaskId)).toHaveLength(1));
    await eventually(async () =>
      expect(calls.escalateOverdueTask.filter((c) => c.taskId === s.openTaskId)).toHaveLength(1),
    );
    expect((await handle.query(getProcedureStateQuery)).overdue).toBe(true);
    const after = await opinion(handle, s, 'LAWFUL');
    expect(after).toMatchObject({ stage: Stage.Deliberation, overdue: false });
  });

  it('should take an opinion before the minimum review time ("一般") as a recorded decision with its reason', async () => {
    const { handle, input } = await start({ policy: { legalityReviewMinimum: { amount: 60, unit: 'SECONDS' } } });
    await commented(handle, input);
    const s = await throughSubmission(handle);
    const early = await refusal(opinion(handle, s, 'LAWFUL'));
    expect(early.message).toContain('国办发〔2018〕115号');
    expect(early.message).toContain('states why this review is shorter');
    const after = await handle.executeUpdate(giveLegalityOpinionUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          conclusion: 'LAWFUL',
          reasons: '',
          reviewedSha256: s.documents!.DRAFT!.sha256,
          shortReviewReason: '文件仅两条，已于送审前参与起草论证',
          actor: adviser,
        },
      ],
    });
    expect(after.stage).toBe(Stage.Deliberation);
    expect(after.discretions).toEqual([
      expect.objectContaining({
        rule: 'REVIEW_MINIMUM',
        reason: '文件仅两条，已于送审前参与起草论证',
        decidedBy: adviser.userId,
        basis: expect.stringContaining('一般不少于5个工作日') as unknown,
      }),
    ]);
    expect(calls.recordDecision.filter((c) => c.workflowId === handle.workflowId).map((c) => c.decision)).toContain(
      'DISCRETION_REVIEW_MINIMUM',
    );
  });

  it('should let an emergency declared at submission shorten the minimum review time', async () => {
    const { handle, input } = await start({ policy: { legalityReviewMinimum: { amount: 60, unit: 'SECONDS' } } });
    await commented(handle, input);
    let s = await throughSubmission(handle, true);
    expect(s.reviewMinimumEndsAt).toBeNull();
    s = await opinion(handle, s, 'LAWFUL');
    expect(s.stage).toBe(Stage.Deliberation);
  });

  it('should let the drafting unit withdraw mid-procedure, closing its open tasks', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    await throughSubmission(handle);
    const s = await handle.executeUpdate(withdrawProcedureUpdate, { args: [{ reason: '上位法修改', actor: drafter }] });
    expect(s).toMatchObject({ stage: Stage.Withdrawn, status: 'WITHDRAWN' });
    expect(calls.endProcedure.find((c) => c.procedureId === input.procedureId)).toMatchObject({ reason: '上位法修改' });
    await handle.result();
  });

  it('should close an open comment window and void an unpublished number on withdrawal, and refuse it once in force', async () => {
    const commenting = await start();
    await throughDrafting(commenting.handle);
    await commenting.handle.executeUpdate(openCommentWindowUpdate, {
      args: [{ period: { amount: 60, unit: 'SECONDS' }, actor: drafter }],
    });
    await commenting.handle.executeUpdate(withdrawProcedureUpdate, { args: [{ reason: '暂缓制定', actor: drafter }] });
    expect(
      calls.closeCommentWindow.filter((c) => c.windowId === `window-${commenting.input.procedureId}`),
    ).toHaveLength(1);

    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'LAWFUL');
    s = await deliberate(handle, s, 'ADOPTED');
    await handle.executeUpdate(registerDocumentUpdate, { args: [{ taskId: s.openTaskId!, actor: officer }] });
    await handle.executeUpdate(withdrawProcedureUpdate, { args: [{ reason: '上级要求暂缓', actor: drafter }] });
    expect(calls.voidRegisteredNumber.find((c) => c.registerEntryId === `entry-${input.procedureId}`)).toMatchObject({
      reason: '撤回：上级要求暂缓',
    });

    const published = await start();
    await commented(published.handle, published.input);
    let p = await throughSubmission(published.handle);
    p = await opinion(published.handle, p, 'LAWFUL');
    p = await deliberate(published.handle, p, 'ADOPTED');
    await throughPublication(published.handle, p);
    const refused = await refusal(
      published.handle.executeUpdate(withdrawProcedureUpdate, { args: [{ reason: 'x', actor: drafter }] }),
    );
    expect(refused.message).toContain('only repealed');
  });

  it('should end not adopted when the deliberation rejects the document', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'LAWFUL');
    const wrongRole = await refusal(
      handle.executeUpdate(recordDeliberationUpdate, {
        args: [
          {
            taskId: s.openTaskId!,
            decision: 'ADOPTED',
            meeting: 'm',
            meetingDate: '2026-11-20',
            minutes: 'x',
            actor: officer,
          },
        ],
      }),
    );
    expect(wrongRole.type).toBe(ErrorCode.Forbidden);
    s = await deliberate(handle, s, 'REJECTED');
    expect(s).toMatchObject({ stage: Stage.NotAdopted, status: 'REJECTED' });
    expect((await handle.result()).stage).toBe(Stage.NotAdopted);
    expect(calls.registerDocument.filter((c) => c.procedureId === input.procedureId)).toHaveLength(0);
  });

  it('should loop a filing through corrections until it is accepted, refusing events out of order', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'LAWFUL');
    s = await deliberate(handle, s, 'ADOPTED');
    s = await throughPublication(handle, s);
    const skip = await refusal(
      handle.executeUpdate(recordFilingEventUpdate, { args: [{ event: 'ACCEPTED', note: '', actor: officer }] }),
    );
    expect(skip.message).toContain('next can only be SUBMITTED');
    for (const [event, note] of [
      ['SUBMITTED', '报送'],
      ['CORRECTION_REQUESTED', '缺少起草说明附件'],
      ['RESUBMITTED', '已补正'],
      ['CORRECTION_REQUESTED', '依据清单不全'],
      ['RESUBMITTED', '再次补正'],
      ['ACCEPTED', '准予备案'],
    ] as const) {
      s = await handle.executeUpdate(recordFilingEventUpdate, { args: [{ event, note, actor: officer }] });
      expect(s.filing?.status).toBe(event);
    }
    expect(calls.recordFilingEvent.filter((c) => c.filingId === `filing-${input.procedureId}`)).toHaveLength(6);
  });

  it('should open an evaluation before expiry and expire the document when its validity ends', async () => {
    const { handle, input } = await start({ policy: { validitySeconds: 4 } });
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'LAWFUL');
    s = await deliberate(handle, s, 'ADOPTED');
    s = await throughPublication(handle, s);
    expect(s.stage).toBe(Stage.InForce);
    await eventually(async () =>
      expect(calls.openTask.find((c) => c.procedureId === input.procedureId && c.kind === 'EVALUATION')).toBeDefined(),
    );
    const result = await handle.result();
    expect(result).toMatchObject({ stage: Stage.Expired, status: 'ENDED' });
    expect(calls.setRegisterStatus.find((c) => c.registerEntryId === `entry-${input.procedureId}`)).toMatchObject({
      status: 'EXPIRED',
      actor: null,
    });
  });

  it('should take clean-up decisions only as validated updates checked against the campaign, each signed into the ledger', async () => {
    const { handle, input } = await start();
    await commented(handle, input);
    let s = await throughSubmission(handle);
    s = await opinion(handle, s, 'LAWFUL');
    s = await deliberate(handle, s, 'ADOPTED');
    await throughPublication(handle, s);
    const cleanupSigns = () =>
      calls.recordDecision.filter((c) => c.procedureId === input.procedureId && c.decision.startsWith('CLEANUP_'));
    // What the review workflows recorded in PostgreSQL before telling the document (the fakes answer from these).
    const recordedDecision = (campaignId: string, decision: 'AMEND' | 'REPEAL', reason: string) =>
      calls.recordCleanupDecision.push({
        campaignId,
        registerEntryId: `entry-${input.procedureId}`,
        procedureId: input.procedureId,
        taskId: null,
        decision,
        reason,
        actor: officer,
        idempotencyKey: `review-${campaignId}`,
      });

    // A signal no longer moves the legal state of a document started with this code.
    await handle.signal(cleanupDecisionSignal, {
      campaignId: 'c-0',
      decision: 'REPEAL',
      reason: '伪造',
      actor: officer,
    });
    // The validator checks the actor's claim, the decision's form; nothing enters the ledger.
    const notOfficer = await refusal(
      handle.executeUpdate(applyCleanupDecisionUpdate, {
        args: [{ campaignId: 'c-1', decision: 'REPEAL', reason: '已过时', actor: drafter }],
      }),
    );
    expect(notOfficer.type).toBe(ErrorCode.Forbidden);
    const noReason = await refusal(
      handle.executeUpdate(applyCleanupDecisionUpdate, {
        args: [{ campaignId: 'c-1', decision: 'REPEAL', reason: ' ', actor: officer }],
      }),
    );
    expect(noReason.type).toBe(ErrorCode.RuleViolation);
    // An invented campaign id: the campaign decided nothing about this document, so the handler refuses it.
    const invented = await refusal(
      handle.executeUpdate(applyCleanupDecisionUpdate, {
        args: [{ campaignId: 'invented', decision: 'REPEAL', reason: '已过时', actor: officer }],
      }),
    );
    expect(invented.type).toBe(ErrorCode.RuleViolation);
    expect(invented.message).toContain('invented');
    let state = await handle.query(getProcedureStateQuery);
    expect(state).toMatchObject({ stage: Stage.InForce, amendmentRequired: null });
    expect(cleanupSigns()).toHaveLength(0);
    expect(calls.setRegisterStatus.filter((c) => c.registerEntryId === `entry-${input.procedureId}`)).toHaveLength(0);

    recordedDecision('c-1', 'AMEND', '需修订');
    state = await handle.executeUpdate(applyCleanupDecisionUpdate, {
      args: [{ campaignId: 'c-1', decision: 'AMEND', reason: '需修订', actor: officer }],
      updateId: 'apply-c-1',
    });
    expect(state).toMatchObject({ stage: Stage.InForce, amendmentRequired: { campaignId: 'c-1', reason: '需修订' } });
    expect(cleanupSigns()).toEqual([
      expect.objectContaining({ decision: 'CLEANUP_AMEND', stage: Stage.InForce, idempotencyKey: 'apply-c-1' }),
    ]);
    // The same campaign's decision again is refused (a retried activity reuses its update id instead).
    const again = await refusal(
      handle.executeUpdate(applyCleanupDecisionUpdate, {
        args: [{ campaignId: 'c-1', decision: 'AMEND', reason: '需修订', actor: officer }],
      }),
    );
    expect(again.type).toBe(ErrorCode.TaskClosed);

    recordedDecision('c-2', 'REPEAL', '已过时');
    await handle.executeUpdate(applyCleanupDecisionUpdate, {
      args: [{ campaignId: 'c-2', decision: 'REPEAL', reason: '已过时', actor: officer }],
    });
    expect(await handle.result()).toMatchObject({ stage: Stage.Repealed, status: 'ENDED' });
    expect(cleanupSigns().map((c) => c.decision)).toEqual(['CLEANUP_AMEND', 'CLEANUP_REPEAL']);
    expect(calls.setRegisterStatus.filter((c) => c.registerEntryId === `entry-${input.procedureId}`)).toEqual([
      expect.objectContaining({ status: 'REPEALED', reason: '清理决定废止：已过时' }),
    ]);
    recordHistory(handle.workflowId);
  });

  it('should refuse every gate whose precondition is missing, naming what is missing', async () => {
    const { handle } = await start();
    const early = await refusal(handle.executeUpdate(completeDraftingUpdate, { args: [{ note: '', actor: drafter }] }));
    expect(early.message).toContain('起草说明');
    const skipStage = await refusal(
      handle.executeUpdate(submitForLegalityReviewUpdate, { args: [{ note: 'x', actor: drafter }] }),
    );
    expect(skipStage.type).toBe(ErrorCode.WrongStage);
    expect(skipStage.message).toContain('国办发〔2018〕115号');
    const notDrafter = await refusal(
      handle.executeUpdate(completeDraftingUpdate, { args: [{ note: '', actor: officer }] }),
    );
    expect(notDrafter.type).toBe(ErrorCode.Forbidden);
    const register = await refusal(
      handle.executeUpdate(registerDocumentUpdate, { args: [{ taskId: 'x', actor: officer }] }),
    );
    expect(register.type).toBe(ErrorCode.WrongStage);
    expect((await handle.query(getProcedureStateQuery)).stage).toBe(Stage.Drafting);
  });
});
