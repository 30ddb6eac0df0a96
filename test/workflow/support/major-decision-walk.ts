import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  DocumentKind,
  Role,
  MAJOR_DECISION_WORKFLOW_TYPE,
  MajorDecisionStage as Stage,
  mdAwaitSettledUpdate,
  mdCompletePublicParticipationUpdate,
  mdDecideLaunchUpdate,
  mdOpenCommentWindowUpdate,
  mdRecordConsultationUpdate,
  mdSubmitDocumentVersionUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitForLegalityReviewUpdate,
  type MajorDecisionInput,
  type MajorDecisionPolicy,
  type MajorDecisionSnapshot,
  type MajorDecisionWorkflow,
  type ScopeClassification,
} from '@lawgate/domain';
import { eventually } from '../../support/eventually';
import { uniqueSuffix } from '../../support/test-env';
import { person, sha, type WorkflowHarness } from '../harness';

/**
 * The common walk of a major decision (国务院令第713号) in workflow tests: its undertaking department, the people who
 * act on it, a policy of seconds, and the steps from the start to the legality review.
 */
export type MajorDecisionHandle = WorkflowHandle<MajorDecisionWorkflow>;

export const departmentId = randomUUID();
export const drafter = person([Role.Drafter], departmentId, 'drafter');
export const officer = person([Role.LegalAffairsOfficer], randomUUID(), 'officer');
export const leader = person([Role.Leader], randomUUID(), 'head');

/** Every period in seconds, so the real workflow runs its statutory minimums in a test. */
export const MAJOR_DECISION_TEST_POLICY: MajorDecisionPolicy = {
  version: 'test-seconds',
  reminderLeadSeconds: 1,
  launchPeriod: { amount: 60, unit: 'SECONDS' },
  undertakerStepPeriod: { amount: 60, unit: 'SECONDS' },
  commentMinimum: { amount: 1, unit: 'SECONDS' },
  hearingNotice: { amount: 7, unit: 'SECONDS' },
  legalityReviewMinimum: { amount: 0, unit: 'SECONDS' },
  legalityReviewPeriod: { amount: 60, unit: 'SECONDS' },
  organStepPeriod: { amount: 60, unit: 'SECONDS' },
  numberSeries: 'NORMATIVE',
  validityYears: 5,
};

/** A public construction project that needs none of the optional steps. */
export const PUBLIC_CONSTRUCTION: ScopeClassification = {
  kind: 'PUBLIC_CONSTRUCTION',
  reason: '区域重大公共建设项目',
  professional: false,
  riskFlagged: false,
  wideConcern: false,
  touchesMarket: false,
  exploratoryReform: false,
  alsoNormativeDocument: false,
};

export interface MajorDecisionInputOverrides {
  title?: string;
  departmentCode?: string;
  proposer?: MajorDecisionInput['proposer'];
  proposal?: Partial<MajorDecisionInput['proposal']>;
  classification?: Partial<ScopeClassification>;
  policy?: Partial<MajorDecisionPolicy>;
}

/** The start input of a bus-depot construction decision, with what a test changes. */
export function majorDecisionInput(o: MajorDecisionInputOverrides = {}): MajorDecisionInput {
  return {
    procedureId: randomUUID(),
    matterCode: `MD-${uniqueSuffix()}`,
    title: o.title ?? '城区公交场站建设决策',
    departmentId,
    departmentCode: o.departmentCode ?? 'JTJ',
    governmentUnitId: randomUUID(),
    proposer: o.proposer ?? drafter,
    proposal: {
      proposer: 'DEPARTMENT',
      problem: '公交场站不足',
      reasonsAndBasis: '城市公共交通条例',
      preliminarySolution: '新建两处场站',
      necessityAndFeasibility: '必要且可行',
      ...o.proposal,
    },
    classification: { ...PUBLIC_CONSTRUCTION, ...o.classification },
    policy: { ...MAJOR_DECISION_TEST_POLICY, ...o.policy },
  };
}

/** Starts the decision on the harness's task queue and returns it once settled at its first stage. */
export async function startMajorDecision(
  harness: WorkflowHarness,
  input: MajorDecisionInput = majorDecisionInput(),
): Promise<[MajorDecisionHandle, MajorDecisionSnapshot]> {
  const h = await harness.client.workflow.start<MajorDecisionWorkflow>(MAJOR_DECISION_WORKFLOW_TYPE, {
    taskQueue: harness.taskQueue,
    workflowId: `major-decision:test:${input.procedureId}`,
    args: [harness.versioned(input)],
  });
  return [h, await h.executeUpdate(mdAwaitSettledUpdate, { args: [] })];
}

/** The head launches the decision, and the drafter submits draft 1 and it as the only option. */
export async function launchAndDraft(
  h: MajorDecisionHandle,
  s: MajorDecisionSnapshot,
  lawInventory = '城乡规划法',
): Promise<void> {
  await h.executeUpdate(mdDecideLaunchUpdate, {
    args: [{ taskId: s.openTaskId!, launch: true, undertakingUnitId: departmentId, reason: '列入目录', actor: leader }],
  });
  await h.executeUpdate(mdSubmitDocumentVersionUpdate, {
    args: [
      {
        kind: DocumentKind.Draft,
        sha256: sha(1),
        size: 10,
        mediaType: 'text/plain',
        filename: 'draft.txt',
        note: '第1稿',
        actor: drafter,
      },
    ],
  });
  await h.executeUpdate(mdSubmitDraftOptionsUpdate, {
    args: [{ options: [{ label: '方案一', sha256: sha(1) }], lawInventory, actor: drafter }],
  });
}

/**
 * Walks a new decision through launch, drafting, consultation and a closed comment window, and submits it for the
 * legality review; returns it with the review task open.
 */
export async function toLegalityReview(
  harness: WorkflowHarness,
  o: MajorDecisionInputOverrides = {},
): Promise<[MajorDecisionHandle, MajorDecisionSnapshot]> {
  const [h, settled] = await startMajorDecision(harness, majorDecisionInput(o));
  await launchAndDraft(h, settled);
  await h.executeUpdate(mdRecordConsultationUpdate, {
    args: [{ consulted: ['财政局'], consensus: true, actor: drafter }],
  });
  await h.executeUpdate(mdOpenCommentWindowUpdate, { args: [{ actor: drafter }] });
  await eventually(
    async () => expect((await h.executeUpdate(mdAwaitSettledUpdate, { args: [] })).commentWindow?.closed).toBe(true),
    10000,
  );
  let s = await h.executeUpdate(mdCompletePublicParticipationUpdate, { args: [{ actor: drafter }] });
  expect(s.stage).toBe(Stage.LegalityReview);
  s = await h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
    args: [{ basisStatement: '城乡规划法第X条', proceduresPerformed: '已履行公众参与等程序', actor: drafter }],
  });
  return [h, s];
}
