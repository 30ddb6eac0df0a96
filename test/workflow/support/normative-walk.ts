import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  DocumentKind,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  NormativeDocumentStage as Stage,
  Role,
  awaitSettledUpdate,
  checkMaterialsUpdate,
  completeDraftingUpdate,
  answerCommentUpdate,
  completePublicCommentUpdate,
  decideProjectApprovalUpdate,
  getProcedureStateQuery,
  giveLegalityOpinionUpdate,
  openCommentWindowUpdate,
  recordDeliberationUpdate,
  recordFairCompetitionReviewUpdate,
  recordMarketRegulationReviewUpdate,
  recordPublicationUpdate,
  registerDocumentUpdate,
  submitDocumentVersionUpdate,
  submitForLegalityReviewUpdate,
  type Actor,
  type AmendedDocumentRef,
  type NormativeDocumentInput,
  type NormativeDocumentIssuer,
  type NormativeDocumentPolicy,
  type NormativeDocumentWorkflow,
  type ProcedureSnapshot,
} from '@lawgate/domain';
import { eventually } from '../../support/eventually';
import { uniqueSuffix } from '../../support/test-env';
import { person, sha, type WorkflowHarness } from '../harness';

export type Handle = WorkflowHandle<NormativeDocumentWorkflow>;

export const departmentId = randomUUID();
export const governmentId = randomUUID();
export const drafter = person([Role.Drafter], departmentId, 'drafter');
export const officer = person([Role.LegalAffairsOfficer], randomUUID(), 'officer');
export const adviser = person([Role.LegalAdviser], randomUUID(), 'adviser');
/** A leader of the district government, and the bureau's own leader (局长). */
export const governmentLeader = person([Role.Leader], governmentId, 'district-head');
export const bureauLeader = person([Role.Leader], departmentId, 'bureau-head');
/** Staff of the market regulation department (the fake task machinery names its unit `unit:<code>`). */
export const marketReviewer = person([Role.Drafter], 'unit:JT-MKT', 'market-reviewer');

/**
 * Every period in seconds, so that the real workflow runs its statutory steps in a test; the effective date at the
 * earliest one second after publication. A document that concerns businesses gets a longer comment minimum than the
 * general one, as in law, so that a test can tell which applied.
 */
export const POLICY: NormativeDocumentPolicy = {
  version: 'law-seconds',
  projectApprovalPeriod: { amount: 60, unit: 'SECONDS' },
  reminderLeadSeconds: 1,
  generalCommentPeriod: { amount: 1, unit: 'SECONDS' },
  businessCommentPeriod: { amount: 2, unit: 'SECONDS' },
  drafterStepPeriod: { amount: 60, unit: 'SECONDS' },
  materialsCheckPeriod: { amount: 60, unit: 'SECONDS' },
  legalityReviewMinimum: { amount: 0, unit: 'SECONDS' },
  legalityReviewMaximum: { amount: 60, unit: 'SECONDS' },
  deliberationPeriod: { amount: 60, unit: 'SECONDS' },
  registrationPeriod: { amount: 60, unit: 'SECONDS' },
  filingPeriod: { amount: 60, unit: 'SECONDS' },
  marketRegulationReviewPeriod: { amount: 60, unit: 'SECONDS' },
  earliestEffectiveAfter: { amount: 1, unit: 'SECONDS' },
  validitySeconds: 3600,
};

/** Starts a document of `issuer` (the district government unless said) and approves its project. */
export async function startDocument(
  harness: WorkflowHarness,
  o: {
    issuer?: NormativeDocumentIssuer;
    touchesBusiness?: boolean;
    policy?: Partial<NormativeDocumentPolicy>;
    amends?: AmendedDocumentRef;
  } = {},
): Promise<{ handle: Handle; input: NormativeDocumentInput }> {
  const projectCode = uniqueSuffix();
  const input: NormativeDocumentInput = {
    procedureId: randomUUID(),
    projectCode,
    title: '金坛区测试管理办法',
    departmentId,
    departmentCode: 'LAW-DEPT',
    issuerUnitId: o.issuer === 'DEPARTMENT' ? departmentId : governmentId,
    applicant: drafter,
    application: {
      necessity: 'n',
      legalBasis: 'b',
      mainContent: 'c',
      touchesBusiness: o.touchesBusiness ?? false,
      alsoMajorDecision: false,
      classificationReason: '涉及公民权利义务，具有普遍约束力，在一定期限内反复适用',
      ...(o.issuer ? { issuer: o.issuer } : {}),
    },
    policy: { ...POLICY, ...o.policy },
    ...(o.amends ? { amends: o.amends } : {}),
  };
  const handle: Handle = await harness.client.workflow.start<NormativeDocumentWorkflow>(
    NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
    {
      workflowId: `normative-document:LAW-DEPT:${projectCode}`,
      taskQueue: harness.taskQueue,
      args: [harness.versioned(input)],
    },
  );
  const settled = await handle.executeUpdate(awaitSettledUpdate, { args: [] });
  await handle.executeUpdate(decideProjectApprovalUpdate, {
    args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '同意立项', actor: officer }],
  });
  return { handle, input };
}

let shaCounter = 1000;
/** Uploads a new version of a document of `kind`, with a content hash no other upload has. */
export function upload(handle: Handle, kind: DocumentKind) {
  return handle.executeUpdate(submitDocumentVersionUpdate, {
    args: [
      {
        kind,
        sha256: sha(shaCounter++),
        size: 10,
        mediaType: 'text/plain',
        filename: `${kind}.txt`,
        note: '',
        actor: drafter,
      },
    ],
  });
}

/**
 * The draft and its materials uploaded and drafting completed, with the fair-competition reviews for a document that
 * concerns businesses: in public comment.
 */
export async function throughDrafting(handle: Handle) {
  await upload(handle, DocumentKind.Draft);
  await upload(handle, DocumentKind.DraftingExplanation);
  await upload(handle, DocumentKind.BasisList);
  let s = await handle.executeUpdate(completeDraftingUpdate, { args: [{ note: '草案完成', actor: drafter }] });
  if (s.stage === Stage.FairCompetitionReview) {
    s = await handle.executeUpdate(recordFairCompetitionReviewUpdate, {
      args: [{ conclusion: 'COMPLIANT', summary: '未含排除、限制竞争内容', actor: drafter }],
    });
    // A government document: the market regulation department reviews after the drafting unit (Art 14).
    s = await handle.executeUpdate(recordMarketRegulationReviewUpdate, {
      args: [{ taskId: s.openTaskId!, conclusion: 'COMPLIANT', summary: '符合', actor: marketReviewer }],
    });
  }
  expect(s.stage).toBe(Stage.PublicComment);
  return s;
}

/**
 * The comment window opened for its minimum, closed by its timer, and the comments it received (`commentIds`, given
 * to the harness's fake comment intake) each answered: at the drafting unit's own legality check.
 */
export async function throughComment(
  handle: Handle,
  o: { harness?: WorkflowHarness; procedureId?: string; commentIds?: string[] } = {},
) {
  const commentIds = o.commentIds ?? [];
  if (o.harness && o.procedureId) o.harness.comments.set(o.procedureId, commentIds);
  await handle.executeUpdate(openCommentWindowUpdate, { args: [{ actor: drafter }] });
  await eventually(async () => expect((await handle.query(getProcedureStateQuery)).commentWindow?.closed).toBe(true));
  for (const commentId of commentIds) {
    await handle.executeUpdate(answerCommentUpdate, {
      args: [{ commentId, answer: 'NOT_ADOPTED', reason: '与上位法规定不一致', actor: drafter }],
    });
  }
  const s = await handle.executeUpdate(completePublicCommentUpdate, { args: [{ note: '意见已处理', actor: drafter }] });
  expect(s.stage).toBe(Stage.OwnLegalityCheck);
  return s;
}

/** The own legality opinion uploaded, submitted (as an emergency if asked) and the materials found complete. */
export async function throughSubmission(handle: Handle, emergency = false) {
  await upload(handle, DocumentKind.OwnLegalityOpinion);
  let s = await handle.executeUpdate(submitForLegalityReviewUpdate, {
    args: [
      {
        note: '经本单位法制机构审核，合法',
        actor: drafter,
        ...(emergency ? { emergency: { category: 'EMERGENCY' as const, reason: '防汛应急' } } : {}),
      },
    ],
  });
  expect(s.stage).toBe(Stage.MaterialsCheck);
  s = await handle.executeUpdate(checkMaterialsUpdate, {
    args: [{ taskId: s.openTaskId!, complete: true, note: '材料齐全', actor: officer }],
  });
  expect(s.stage).toBe(Stage.LegalityReview);
  return s;
}

/** The adviser's legality opinion on the current draft. */
export function opinion(handle: Handle, s: ProcedureSnapshot, conclusion: 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND') {
  return handle.executeUpdate(giveLegalityOpinionUpdate, {
    args: [
      {
        taskId: s.openTaskId!,
        conclusion,
        reasons: conclusion === 'LAWFUL' ? '' : '第五条增设行政许可，无上位法依据',
        reviewedSha256: s.documents!.DRAFT!.sha256,
        actor: adviser,
      },
    ],
  });
}

/** Drafting, an empty comment window, the own check and the materials, up to a lawful opinion: in deliberation. */
export async function toDeliberation(handle: Handle, beforeComment?: () => Promise<unknown>) {
  await throughDrafting(handle);
  if (beforeComment) await beforeComment();
  await throughComment(handle);
  const s = await opinion(handle, await throughSubmission(handle), 'LAWFUL');
  expect(s.stage).toBe(Stage.Deliberation);
  return s;
}

/** The deliberation's decision, recorded by `actor` (the district government's leader unless said). */
export function deliberate(
  handle: Handle,
  s: ProcedureSnapshot,
  decision: 'ADOPTED' | 'RETURNED' | 'REJECTED',
  actor: Actor = governmentLeader,
) {
  return handle.executeUpdate(recordDeliberationUpdate, {
    args: [
      {
        taskId: s.openTaskId!,
        decision,
        meeting: '区政府第12次常务会议',
        meetingDate: '2026-11-20',
        minutes: '会议审议了该文件',
        actor,
      },
    ],
  });
}

/** Registration and publication of a document in registration: in force. */
export async function throughPublication(handle: Handle, s: ProcedureSnapshot) {
  s = await handle.executeUpdate(registerDocumentUpdate, { args: [{ taskId: s.openTaskId!, actor: officer }] });
  expect(s.stage).toBe(Stage.Publication);
  return handle.executeUpdate(recordPublicationUpdate, {
    args: [{ taskId: s.openTaskId!, channel: 'WEBSITE', reference: 'https://www.jintan.gov.cn/x', actor: officer }],
  });
}

/** Adopted at the deliberation, registered and published: in force. */
export async function publish(handle: Handle, s: ProcedureSnapshot) {
  return throughPublication(handle, await deliberate(handle, s, 'ADOPTED'));
}
