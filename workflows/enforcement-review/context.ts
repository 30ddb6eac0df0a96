import { acts, refuse } from '../activity-proxies';
import type { AssignTo, ProcedureRun } from '../kernel/procedure-run';
import { openEntryTask } from '../kernel/stage-entry';
import type { LegalityReview } from '../steps/legality-review.step';
import {
  ErrorCode,
  type Period,
  waitingText,
  ENFORCEMENT_REVIEW_DEFINITION as DEF,
  EnforcementReviewStage as S,
  enforcementStageName,
  type Actor,
  type CaseVersion,
  type EnforcementReviewInput,
  type EnforcementReviewPolicy,
  type EnforcementReviewSnapshot,
  type ReviewOpinion,
  Role,
} from '@lawgate/domain';

export type Stage = S;
export type Snap = EnforcementReviewSnapshot;

/** What a review keeps beside the kernel's state and the legality review's opinions. */
export interface ErState {
  evidenceFiles: string[];
  hearingRecords: string[];
  versions: CaseVersion[];
  /** The version in intake or under review (the last submitted). */
  materialsRequests: Snap['materialsRequests'];
  reviewClockStartedAt: string | null;
  extension: Snap['extension'];
  collective: Snap['collective'];
  decision: Snap['decision'];
  transfer: Snap['transfer'];
  disclosure: Snap['disclosure'];
  withdrawal: Snap['withdrawal'];
  /** Review tasks opened so far (their rounds). */
  reviewTasks: number;
}

/** One running review, handed to each stage. */
export interface Er {
  p: ProcedureRun<Stage, Snap>;
  input: EnforcementReviewInput;
  policy: EnforcementReviewPolicy;
  s: ErState;
  legality: LegalityReview<Stage, Snap, ReviewOpinion>;
  /** Collective discussion runs for this case (sector policy, or a complex or serious case). */
  collectiveRequired: () => boolean;
}

/** Names the article a refusal rests on. */
export const basis = (stage: Stage) => enforcementStageName(stage);

export const caseUnit = (er: Er): AssignTo => ({ unitId: er.input.departmentId });
export const reviewUnit = (er: Er): AssignTo => ({ unitId: er.input.reviewUnitId });

/** Opens a stage's entry task as the definition names it; review-body tasks go to the case's review body. */
export function enter(er: Er, stage: Stage): Promise<void> {
  return openEntryTask(er.p, DEF, stage, er.policy, caseUnit(er), { LEGAL_AFFAIRS_OFFICE: reviewUnit(er) });
}

/** Moves to `stage` (recording it in the read model) and opens its entry task. */
export async function moveAndEnter(er: Er, stage: Stage, status: 'ACTIVE' | 'IN_FORCE' = 'ACTIVE'): Promise<void> {
  er.p.moveTo(stage, status);
  await acts.setStage({ workflowId: er.p.workflowId, stage, status });
  await enter(er, stage);
}

/** Opens a task of the current stage with a period the stage's definition does not fix (e.g. disclosure by kind). */
export function openTask(er: Er, kind: keyof typeof DEF.tasks, to: AssignTo, period: Period): Promise<string> {
  return er.p.openStageTask(kind, DEF.tasks[kind].title, to, period);
}

/** The case unit's steps: a case-unit member (承办机构) of the case's department. */
export function requireCaseUnit(er: Er, actor: Actor, what: string): void {
  if (!actor.roles.includes(Role.Drafter) || actor.unitId !== er.input.departmentId) {
    refuse(
      ErrorCode.Forbidden,
      `Only the case unit (承办机构) of the department can ${what} (${basis(S.CasePreparation)}).`,
    );
  }
}

export function current(er: Er): CaseVersion | undefined {
  return er.s.versions[er.s.versions.length - 1];
}

/** The latest opinion on the current version, if any. */
export function lastOpinionOfCurrent(er: Er): ReviewOpinion | undefined {
  const last = er.legality.last();
  return last && last.caseVersion === current(er)?.version ? last : undefined;
}

export function waitingFor(er: Er): string | null {
  if (er.p.stage === S.LegalReview && er.s.extension?.approved === null) {
    return waitingText(DEF, S.LegalReview, 'extension', { approver: er.policy.extensionApprover });
  }
  return waitingText(DEF, er.p.stage);
}
