import { condition } from '@temporalio/workflow';
import { acts, local, refuse } from '../activity-proxies';
import { checklistOpinion, checklistOpinionText } from '../kernel/checklist-opinion';
import { ProcedureRun } from '../kernel/procedure-run';
import { openEntryTask } from '../kernel/stage-entry';
import { startPolicy } from '../kernel/start-policy';
import { documentVersions } from '../steps/document-versions.step';
import { LegalityReview } from '../steps/legality-review.step';
import { performance } from './performance.stage';
import { NO_SIGNING, signing } from './signing.stage';
import {
  ErrorCode,
  cite,
  waitingText,
  getProcedureStateQuery,
  CONTRACT_REVIEW_DEFINITION as DEF,
  CONTRACT_REVIEW,
  CONTRACT_REVIEW_STAGE_BASIS,
  CONTRACT_TERMINAL_STAGES,
  CR_UPLOAD_STAGES,
  ContractReviewStage as S,
  contractStageName as basis,
  crAwaitSettledUpdate,
  crGiveOpinionUpdate,
  crSubmitDocumentVersionUpdate,
  crSubmitUpdate,
  getContractReviewStateQuery,
  type Actor,
  type ContractOpinion,
  type ContractReviewInput,
  type ContractReviewPolicy,
  type ContractReviewSnapshot as Snap,
  contractChecklistRefusal,
  roughPeriodMs,
  Role,
} from '@lawgate/domain';
import type { QueryDefinition } from '@temporalio/common';

export interface CrState {
  submitters: string[];
  signing: Snap['signing'];
  filing: Snap['filing'];
  milestones: Snap['milestones'];
  payments: Snap['payments'];
  warnings: Snap['warnings'];
  expiryReminded: boolean;
}

/**
 * The legality review of a government contract (政府合同合法性审查), D1–D10: submission → review (routed to an adviser;
 * the drafter never reviews their own contract; checklist incl. void arbitration in administrative agreements and no
 * guarantee in the government's name) → [revision] → signing only of the reviewed text (a different text re-opens
 * the review) → filing within the policy period → the register: milestones, SME payment deadlines, expiry reminder.
 */
export async function contractReviewWorkflow(input: ContractReviewInput): Promise<Snap> {
  let policy = {} as ContractReviewPolicy;
  const p: ProcedureRun<S, Snap> = new ProcedureRun<S, Snap>({
    recordDecision: (...args) => local.recordDecision(...args),
    input: { procedureId: input.procedureId, title: input.title, departmentCode: input.departmentCode },
    type: CONTRACT_REVIEW,
    stages: { initial: S.Submission, terminal: CONTRACT_TERMINAL_STAGES, basis: CONTRACT_REVIEW_STAGE_BASIS },
    wrongStage: (expected, what) =>
      `${what} belongs to stage ${basis(expected)}; the contract is in stage ${basis(p.stage)} and waits for: ` +
      `${waitingText(DEF, p.stage) ?? '—'}.`,
    reminderLeadSeconds: () => policy.reminderLeadSeconds,
  });
  const s: CrState = {
    submitters: [],
    signing: null,
    filing: null,
    milestones: [],
    payments: [],
    warnings: [],
    expiryReminded: false,
  };
  const legality = new LegalityReview<S, Snap, ContractOpinion>(p, {
    stage: S.LegalityReview,
    reviewed: (o) => ({ conclusion: o.conclusion, sha256: o.reviewedSha256 }),
    passing: (c) => c === 'PASS',
    basis: NO_SIGNING,
  });
  const unit = { unitId: input.departmentId };
  const enter = (stage: S) => openEntryTask(p, DEF, stage, policy, unit);
  const requireUnit = (actor: Actor, what: string) => {
    if (!actor.roles.includes(Role.Drafter) || actor.unitId !== input.departmentId) {
      refuse(ErrorCode.Forbidden, `Only the contracting unit (合同承办单位) can ${what}.`);
    }
  };
  const openReview = (actor: Actor) =>
    legality.open({
      round: legality.opinions.length + 1,
      kind: 'CR_REVIEW',
      title: '政府合同合法性审查',
      period: policy.reviewPeriod,
      departmentId: input.departmentId,
      drafterIds: [...new Set([input.drafter.userId, actor.userId, ...s.submitters])],
      expertise: input.facts.administrativeAgreement ? ['行政协议'] : [],
      minimum: null,
    });

  documentVersions(p, {
    update: crSubmitDocumentVersionUpdate,
    mayUpload: (actor) => requireUnit(actor, 'add contract documents'),
    stages: CR_UPLOAD_STAGES,
    wrongStage: () =>
      `Contract texts are added while drafting, revising or signing; the contract is in stage ${p.stage}.`,
    underReview: () => legality.underReview(),
    afterUpload: async (kind, actor) => {
      // A text at signing that differs from the reviewed one re-opens the review (G-D2).
      if (p.stage !== S.Signing || !legality.reopens(kind)) return;
      const last = legality.last()!;
      await p.sign({
        taskId: p.openTaskId,
        decision: 'LEGALITY_REVIEW_REOPENED',
        opinion: `签订文本 ${p.documents.DRAFT!.sha256} 与审查文本 ${last.reviewedSha256} 不一致：重新审查（${NO_SIGNING}）`,
        actor,
        role: Role.Drafter,
        next: S.LegalityReview,
      });
      await openReview(actor);
    },
  });

  p.step(crSubmitUpdate, {
    check: (args) => {
      requireUnit(args.actor, 'submit the contract for review');
      p.requireNotEnded();
      if (p.stage !== S.Submission && p.stage !== S.Revision) {
        refuse(
          ErrorCode.WrongStage,
          `A contract is submitted while drafting or revising; it is in stage ${basis(p.stage)}.`,
        );
      }
      p.requireIdle();
      if (!p.documents.DRAFT) refuse(ErrorCode.RuleViolation, 'Upload the draft contract (DRAFT) first.');
      const last = legality.last();
      if (last && last.reviewedSha256 === p.documents.DRAFT.sha256) {
        refuse(
          ErrorCode.RuleViolation,
          'The review asked for changes: revise the contract (a new DRAFT version) first.',
        );
      }
    },
    run: async (args) => {
      s.submitters.push(args.actor.userId);
      await p.sign({
        taskId: p.openTaskId,
        decision: 'CONTRACT_SUBMITTED',
        opinion: `${input.facts.counterpart}，${input.facts.amountYuan} 元，${input.facts.termStart}—${input.facts.termEnd}。${args.note}`,
        actor: args.actor,
        role: Role.Drafter,
        next: S.LegalityReview,
      });
      await openReview(args.actor);
    },
  });

  p.step(crGiveOpinionUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAdviser, Role.LegalAffairsOfficer],
        'a legal adviser or the legal-affairs office',
        'review a contract',
      );
      p.requireStage(S.LegalityReview, 'The review opinion');
      legality.checkOpinion(args);
      if ([input.drafter.userId, ...s.submitters].includes(args.actor.userId)) {
        refuse(ErrorCode.Forbidden, 'The drafter of a contract never reviews it (recusal).');
      }
      p.requireText(args.reasons, 'The review opinion is written, with its reasons.');
      const wrong = contractChecklistRefusal(args.conclusion, args.checklist);
      if (wrong) refuse(ErrorCode.RuleViolation, wrong);
      const dispute = args.checklist.find((c) => c.item === 'DISPUTE_CLAUSE_VALID');
      if (input.facts.administrativeAgreement && args.conclusion === 'PASS' && !dispute?.note.trim()) {
        refuse(
          ErrorCode.RuleViolation,
          `In an administrative agreement an arbitration clause is void unless a law, administrative regulation or ` +
            `treaty allows it: the opinion states how the dispute clause was checked (G-D3, ${cite('SPC_AGREEMENTS/26')}).`,
        );
      }
    },
    run: async (args) => {
      legality.record(checklistOpinion(args, legality.opinions.length + 1));
      const next = args.conclusion === 'PASS' ? S.Signing : S.Revision;
      await p.sign({
        taskId: args.taskId,
        decision: `CONTRACT_REVIEW_${args.conclusion}`,
        opinion: checklistOpinionText(args, '须修改'),
        actor: args.actor,
        role: args.actor.roles.includes(Role.LegalAdviser) ? Role.LegalAdviser : Role.LegalAffairsOfficer,
        sha256: args.reviewedSha256,
        next,
      });
      await enter(next);
    },
  });

  signing({ p, s, input, legality, policy: () => policy, requireUnit, unit });

  performance(p, s, input, () => policy, requireUnit);

  p.snapshot = () => ({
    ...p.snapshotBase(),
    status: p.status as Snap['status'],
    facts: input.facts,
    opinions: [...legality.opinions],
    signing: s.signing,
    filing: s.filing,
    milestones: s.milestones.map((m) => ({ ...m })),
    payments: s.payments.map((x) => ({ ...x })),
    warnings: [...s.warnings],
    expiryReminded: s.expiryReminded,
    steps: [...p.steps],
    waitingFor: waitingText(DEF, p.stage),
  });
  // What the archive's contract file is built from (the API's CONTRACT_REVIEW_ARCHIVE), kept in PostgreSQL.
  p.archiveFrom(() => ({
    facts: input.facts,
    opinions: legality.opinions,
    signing: s.signing,
    filing: s.filing,
    milestones: s.milestones,
    payments: s.payments,
    warnings: s.warnings,
    expiryReminded: s.expiryReminded,
  }));
  p.expose(
    [getContractReviewStateQuery, getProcedureStateQuery as unknown as QueryDefinition<Snap>],
    crAwaitSettledUpdate,
  );

  policy = await startPolicy<ContractReviewPolicy>(CONTRACT_REVIEW, input);
  await p.register({
    projectCode: input.contractNumber,
    departmentId: input.departmentId,
    initiator: input.drafter,
    policyVersion: policy.version,
    details: { facts: input.facts, policy },
  });
  await enter(S.Submission);
  p.settled = true;
  return p.run({
    // The register's expiry reminder: a task for the unit the policy's days before the term ends.
    [S.Performance]: async () => {
      const remindAt = Date.parse(`${input.facts.termEnd}T00:00:00+08:00`) - roughPeriodMs(policy.expiryReminder);
      if (remindAt > Date.now() && (await condition(() => p.stage !== S.Performance, remindAt - Date.now()))) return;
      if (p.stage !== S.Performance || s.expiryReminded) return;
      s.expiryReminded = true;
      await p.openStageTask('CR_EXPIRY', DEF.tasks.CR_EXPIRY.title, unit, policy.expiryReminder);
      await acts.remindTask({ taskId: p.openTaskId! });
      await p.keepArchiveState();
    },
  });
}
