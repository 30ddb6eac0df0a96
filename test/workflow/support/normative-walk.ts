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
  completePublicCommentUpdate,
  decideProjectApprovalUpdate,
  getProcedureStateQuery,
  giveLegalityOpinionUpdate,
  openCommentWindowUpdate,
  submitDocumentVersionUpdate,
  submitForLegalityReviewUpdate,
  type AmendedDocumentRef,
  type NormativeDocumentInput,
  type NormativeDocumentIssuer,
  type NormativeDocumentPolicy,
  type NormativeDocumentWorkflow,
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

/** Every period in seconds; the effective date at the earliest one second after publication. */
export const POLICY: NormativeDocumentPolicy = {
  version: 'law-seconds',
  projectApprovalPeriod: { amount: 60, unit: 'SECONDS' },
  reminderLeadSeconds: 1,
  generalCommentPeriod: { amount: 1, unit: 'SECONDS' },
  businessCommentPeriod: { amount: 1, unit: 'SECONDS' },
  drafterStepPeriod: { amount: 60, unit: 'SECONDS' },
  materialsCheckPeriod: { amount: 60, unit: 'SECONDS' },
  legalityReviewMinimum: { amount: 0, unit: 'SECONDS' },
  legalityReviewMaximum: { amount: 60, unit: 'SECONDS' },
  deliberationPeriod: { amount: 60, unit: 'SECONDS' },
  registrationPeriod: { amount: 60, unit: 'SECONDS' },
  filingPeriod: { amount: 60, unit: 'SECONDS' },
  earliestEffectiveAfter: { amount: 1, unit: 'SECONDS' },
  validitySeconds: 3600,
};

/** Starts a document of `issuer` and approves its project. */
export async function startDocument(
  harness: WorkflowHarness,
  o: { issuer?: NormativeDocumentIssuer; policy?: Partial<NormativeDocumentPolicy>; amends?: AmendedDocumentRef } = {},
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
      touchesBusiness: false,
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
function upload(handle: Handle, kind: DocumentKind) {
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

/** Drafting, an empty comment window, the own check and the materials, up to a lawful opinion: in deliberation. */
export async function toDeliberation(handle: Handle, beforeComment?: () => Promise<unknown>) {
  await upload(handle, DocumentKind.Draft);
  await upload(handle, DocumentKind.DraftingExplanation);
  await upload(handle, DocumentKind.BasisList);
  await handle.executeUpdate(completeDraftingUpdate, { args: [{ note: '草案完成', actor: drafter }] });
  if (beforeComment) await beforeComment();
  await handle.executeUpdate(openCommentWindowUpdate, { args: [{ actor: drafter }] });
  await eventually(async () => expect((await handle.query(getProcedureStateQuery)).commentWindow?.closed).toBe(true));
  await handle.executeUpdate(completePublicCommentUpdate, { args: [{ note: '无意见', actor: drafter }] });
  await upload(handle, DocumentKind.OwnLegalityOpinion);
  let s = await handle.executeUpdate(submitForLegalityReviewUpdate, { args: [{ note: '合法', actor: drafter }] });
  s = await handle.executeUpdate(checkMaterialsUpdate, {
    args: [{ taskId: s.openTaskId!, complete: true, note: '齐全', actor: officer }],
  });
  s = await handle.executeUpdate(giveLegalityOpinionUpdate, {
    args: [
      {
        taskId: s.openTaskId!,
        conclusion: 'LAWFUL',
        reasons: '',
        reviewedSha256: s.documents!.DRAFT!.sha256,
        actor: adviser,
      },
    ],
  });
  expect(s.stage).toBe(Stage.Deliberation);
  return s;
}
