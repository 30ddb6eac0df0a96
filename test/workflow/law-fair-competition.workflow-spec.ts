import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  DocumentKind,
  ErrorCode,
  Role,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  NormativeDocumentStage as Stage,
  awaitSettledUpdate,
  completeDraftingUpdate,
  decideProjectApprovalUpdate,
  openCommentWindowUpdate,
  recordFairCompetitionReviewUpdate,
  recordMarketRegulationReviewUpdate,
  submitDocumentVersionUpdate,
  type NormativeDocumentInput,
  type NormativeDocumentPolicy,
  type NormativeDocumentWorkflow,
  type ProcedureSnapshot,
} from '@lawgate/domain';
import { uniqueSuffix } from '../support/test-env';
import { person, recordHistory, refusal, sha, useWorkflowHarness } from './harness';

const departmentId = randomUUID();
const drafter = person([Role.Drafter], departmentId, 'drafter.edu');
const officer = person([Role.LegalAffairsOfficer], randomUUID(), 'officer.zhang');
/** Staff of the market regulation department: the fake task machinery gives its unit as `unit:<code>`. */
const marketReviewer = person([Role.Drafter], 'unit:JT-MKT', 'drafter.mkt');

const POLICY: NormativeDocumentPolicy = {
  version: 'test-fcr',
  projectApprovalPeriod: { amount: 60, unit: 'SECONDS' },
  reminderLeadSeconds: 1,
  generalCommentPeriod: { amount: 7, unit: 'SECONDS' },
  businessCommentPeriod: { amount: 30, unit: 'SECONDS' },
  drafterStepPeriod: { amount: 60, unit: 'SECONDS' },
  marketRegulationReviewPeriod: { amount: 60, unit: 'SECONDS' },
  marketRegulationUnitCode: 'JT-MKT',
};

/** 公平竞争审查条例 Arts 2 and 14: the office confirms the business declaration; the market regulation department reviews. */
describe('fair-competition review of a normative document', () => {
  const harness = useWorkflowHarness('law-fcr');
  type Handle = WorkflowHandle<NormativeDocumentWorkflow>;

  async function start(o: { touchesBusiness: boolean; issuer?: 'GOVERNMENT' | 'DEPARTMENT' }) {
    const projectCode = uniqueSuffix();
    const input: NormativeDocumentInput = {
      procedureId: randomUUID(),
      projectCode,
      title: '金坛区农贸市场管理办法',
      departmentId,
      departmentCode: 'EDU',
      applicant: drafter,
      application: {
        necessity: 'n',
        legalBasis: 'b',
        mainContent: 'c',
        touchesBusiness: o.touchesBusiness,
        alsoMajorDecision: false,
        classificationReason: '涉及经营者权利义务，具有普遍约束力',
        ...(o.issuer ? { issuer: o.issuer } : {}),
      },
      policy: POLICY,
    };
    const handle: Handle = await harness.client.workflow.start<NormativeDocumentWorkflow>(
      NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
      {
        workflowId: `normative-document:EDU:${projectCode}`,
        taskQueue: harness.taskQueue,
        args: [harness.versioned(input)],
      },
    );
    const s = await handle.executeUpdate(awaitSettledUpdate, { args: [] });
    return { handle, input, s };
  }

  async function draft(handle: Handle): Promise<ProcedureSnapshot> {
    for (const [i, kind] of [DocumentKind.Draft, DocumentKind.DraftingExplanation, DocumentKind.BasisList].entries()) {
      await handle.executeUpdate(submitDocumentVersionUpdate, {
        args: [
          { kind, sha256: sha(i + 1), size: 1, mediaType: 'text/plain', filename: 'd.txt', note: '', actor: drafter },
        ],
      });
    }
    return handle.executeUpdate(completeDraftingUpdate, { args: [{ note: '完成', actor: drafter }] });
  }

  it('the office corrects a "does not touch business" declaration with its reason; the review and the 30-day period follow', async () => {
    const { handle, input, s: started } = await start({ touchesBusiness: false });
    const approve = (businessDeclaration?: { touchesBusiness: boolean; reason?: string }) =>
      handle.executeUpdate(decideProjectApprovalUpdate, {
        args: [
          {
            taskId: started.openTaskId!,
            decision: 'APPROVED',
            opinion: '同意立项',
            businessDeclaration,
            actor: officer,
          },
        ],
      });
    const noReason = await refusal(approve({ touchesBusiness: true }));
    expect(noReason.type).toBe(ErrorCode.RuleViolation);
    expect(noReason.message).toContain('《公平竞争审查条例》 第二条');
    expect(noReason.message).toContain('《优化营商环境条例》 第六十二条');
    let s = await approve({ touchesBusiness: true, reason: '办法规定市场经营者的准入条件，涉及经营者经济活动' });
    expect(s.businessDeclaration).toMatchObject({ declared: false, confirmed: true, confirmedBy: officer.userId });
    const approval = harness.calls.recordDecision.find((c) => c.procedureId === input.procedureId)!;
    expect(approval.opinion).toContain('起草单位申报不涉及，司法局更正为涉及（理由：办法规定市场经营者的准入条件');

    // The corrected declaration decides: the fair-competition review runs.
    s = await draft(handle);
    expect(s.stage).toBe(Stage.FairCompetitionReview);

    // The market regulation department reviews after the drafting unit's own review (Art 14), never before it.
    const early = await refusal(
      handle.executeUpdate(recordMarketRegulationReviewUpdate, {
        args: [{ taskId: 'x', conclusion: 'COMPLIANT', summary: '符合', actor: marketReviewer }],
      }),
    );
    expect(early.type).toBe(ErrorCode.WrongStage);
    expect(early.message).toContain('《公平竞争审查条例》 第十四条');
    s = await handle.executeUpdate(recordFairCompetitionReviewUpdate, {
      args: [{ conclusion: 'COMPLIANT', summary: '起草单位初审：未含排除、限制竞争内容', actor: drafter }],
    });
    expect(s.stage).toBe(Stage.FairCompetitionReview);
    expect(s.waitingFor).toBe('市场监管部门进行公平竞争审查');
    const task = harness.calls.openTask.find(
      (c) => c.workflowId === s.workflowId && c.kind === 'FCR_MARKET_REGULATION',
    );
    expect(task).toMatchObject({ assignTo: { unitCode: 'JT-MKT' }, stage: Stage.FairCompetitionReview });
    expect(s.fairCompetition).toMatchObject({ marketRegulationReviews: true, marketRegulationTaskId: s.openTaskId });

    // The drafting unit cannot sign the department's review for it.
    const byDrafter = await refusal(
      handle.executeUpdate(recordMarketRegulationReviewUpdate, {
        args: [{ taskId: s.openTaskId!, conclusion: 'COMPLIANT', summary: '符合', actor: drafter }],
      }),
    );
    expect(byDrafter.type).toBe(ErrorCode.Forbidden);
    expect(byDrafter.message).toContain('第十四条');

    s = await handle.executeUpdate(recordMarketRegulationReviewUpdate, {
      args: [
        { taskId: s.openTaskId!, conclusion: 'COMPLIANT', summary: '市场监管局审查：符合', actor: marketReviewer },
      ],
    });
    expect(s.stage).toBe(Stage.PublicComment);
    expect(s.fairCompetition!.reviews.map((r) => r.by)).toEqual(['DRAFTING_UNIT', 'MARKET_REGULATION']);
    s = await handle.executeUpdate(openCommentWindowUpdate, { args: [{ actor: drafter }] });
    const window = harness.calls.openCommentWindow.find((c) => c.procedureId === input.procedureId)!;
    expect(window.minimumPeriod).toEqual(POLICY.businessCommentPeriod);
    recordHistory(s.workflowId);
    await handle.terminate('test done');
  });

  it('a confirmed "does not touch business" declaration skips the review and keeps the 7-working-day period', async () => {
    const { handle, input, s: started } = await start({ touchesBusiness: false });
    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: started.openTaskId!, decision: 'APPROVED', opinion: '同意立项', actor: officer }],
    });
    const approval = harness.calls.recordDecision.find((c) => c.procedureId === input.procedureId)!;
    expect(approval.opinion).toContain('起草单位申报不涉及，司法局确认不涉及');
    const s = await draft(handle);
    expect(s.stage).toBe(Stage.PublicComment);
    await handle.executeUpdate(openCommentWindowUpdate, { args: [{ actor: drafter }] });
    const window = harness.calls.openCommentWindow.find((c) => c.procedureId === input.procedureId)!;
    expect(window.minimumPeriod).toEqual(POLICY.generalCommentPeriod);
    await handle.terminate('test done');
  });

  it('a department’s own document is reviewed by the drafting unit alone', async () => {
    const { handle, s: started } = await start({ touchesBusiness: true, issuer: 'DEPARTMENT' });
    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: started.openTaskId!, decision: 'APPROVED', opinion: '同意立项', actor: officer }],
    });
    await draft(handle);
    const s = await handle.executeUpdate(recordFairCompetitionReviewUpdate, {
      args: [{ conclusion: 'COMPLIANT', summary: '未含排除、限制竞争内容', actor: drafter }],
    });
    expect(s.stage).toBe(Stage.PublicComment);
    await handle.terminate('test done');
  });
});
