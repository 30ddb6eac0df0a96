import {
  opinionWithPreReview,
  legalBasis,
  type DocumentKind,
  ErrorCode,
  MajorDecisionStage as Stage,
  mdGiveAdviserOpinionUpdate,
  mdGiveLegalityOpinionUpdate,
  mdRequestAdviserOpinionUpdate,
  mdSubmitForLegalityReviewUpdate,
  type Actor,
  type LegalityOpinion,
  Role,
} from '@lawgate/domain';
import { acts, refuse } from '../../activity-proxies';
import { OFFICE } from '../../kernel/procedure-run';
import type { Md } from '../context';
import { passes, undertaker, undertakerStep } from '../stage-table';
import { requireCurrentDraft } from '../../steps/document-versions.step';

const OFFICER = Role.LegalAffairsOfficer;

/**
 * Art 28: in the review the office organises the opinions of legal advisers and government lawyers. It asks one
 * (routed by expertise, never to the drafting side), the adviser signs on the current draft, and the office reads
 * them and may cite them in its own opinion. Only in procedures where the office gives the review.
 */
export function adviserInputs(md: Md): void {
  const { p, s, A, legality } = md;
  p.step(mdRequestAdviserOpinionUpdate, {
    check: (args) => {
      if (!md.officeReviews) {
        refuse(ErrorCode.WrongStage, 'In this procedure the legality review was routed to a legal adviser directly.');
      }
      p.requireRole(
        args.actor,
        [OFFICER],
        'the legal-affairs office',
        `ask a legal adviser for an opinion (${A('D713/28')})`,
      );
      p.requireStage(Stage.LegalityReview, "Asking a legal adviser's opinion");
      if (!legality.reviewTaskId) {
        refuse(
          ErrorCode.WrongStage,
          `No draft is under legality review: advisers are asked during the review (${A('D713/28')}).`,
        );
      }
      p.requireText(args.question, 'Say what the adviser should look at.');
      if (s.r.adviserInputs.some((i) => !i.givenAt)) {
        refuse(ErrorCode.WrongStage, "An adviser's opinion was asked already and is not given yet.");
      }
    },
    run: async (args) => {
      const draft = p.documents.DRAFT!;
      const question = args.question.trim();
      const task = await acts.routeTask({
        procedureId: p.procedureId,
        workflowId: p.workflowId,
        stage: Stage.LegalityReview,
        round: s.r.adviserInputs.length + 1 + (p.round - 1) * 100,
        kind: 'MD_ADVISER_OPINION',
        title: `法律顾问、公职律师法律意见：${p.title}（草案第${draft.version}稿）`,
        legalBasis: legalBasis('D713/28'),
        period: md.policy.legalityReviewPeriod,
        departmentId: s.undertakingUnitId ?? md.input.departmentId,
        drafterIds: [md.input.proposer.userId],
        expertise: args.expertise,
        subjectVersionId: draft.versionId,
        question,
      });
      s.r.adviserInputs.push({
        taskId: task.taskId,
        question,
        expertise: [...args.expertise],
        requestedBy: args.actor.userId,
        requestedAt: new Date().toISOString(),
        requestedOnSha256: draft.sha256,
        adviserId: task.assigneeUserId,
        adviserName: null,
        conclusion: null,
        opinion: null,
        reviewedSha256: null,
        givenAt: null,
      });
      await p.spec.recordDecision({
        procedureId: p.procedureId,
        workflowId: p.workflowId,
        taskId: null,
        stage: Stage.LegalityReview,
        decision: 'ADVISER_OPINION_REQUESTED',
        opinion: `向法律顾问、公职律师提出的问题：${question}`,
        actor: args.actor,
        actorRole: OFFICER,
        documentSha256: draft.sha256,
        idempotencyKey: p.updateKey(`adviser-request:${task.taskId}`),
        nextStage: p.stage,
        nextStatus: p.status,
      });
    },
  });
  p.step(mdGiveAdviserOpinionUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.LegalAdviser], 'a legal adviser or government lawyer', 'sign an adviser opinion');
      const input = s.r.adviserInputs.find((i) => i.taskId === args.taskId && !i.givenAt);
      if (!input) {
        refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not an open adviser-opinion task of this procedure.`);
      }
      if (args.actor.userId === md.input.proposer.userId || args.actor.unitId === s.undertakingUnitId) {
        refuse(ErrorCode.Forbidden, 'The undertaking side cannot give the opinion on its own draft (recusal).');
      }
      requireCurrentDraft(p.documents, args.reviewedSha256);
      p.requireText(args.opinion, 'The legal opinion is written, with reasons.');
    },
    run: async (args) => {
      const input = s.r.adviserInputs.find((i) => i.taskId === args.taskId)!;
      const opinion = args.opinion.trim();
      // Recorded first: a refusal (the step recorded otherwise under this update id) leaves the opinion ungiven.
      await p.spec.recordDecision({
        procedureId: p.procedureId,
        workflowId: p.workflowId,
        taskId: args.taskId,
        stage: Stage.LegalityReview,
        decision: `ADVISER_${args.conclusion}`,
        opinion: `问：${input.question}\n${opinion}`,
        actor: args.actor,
        actorRole: Role.LegalAdviser,
        documentSha256: args.reviewedSha256,
        idempotencyKey: p.updateKey(`adviser-opinion:${args.taskId}`),
        oneStepPerKey: p.inUpdate(),
        nextStage: p.stage,
        nextStatus: p.status,
      });
      input.adviserId = args.actor.userId;
      input.adviserName = args.actor.displayName;
      input.conclusion = args.conclusion;
      input.opinion = opinion;
      input.reviewedSha256 = args.reviewedSha256;
      input.givenAt = new Date().toISOString();
    },
  });
}

/** A8 合法性审查 (G-A8, G-A9, G-A10): submission, the reviewer's written opinion, revision when it does not pass. */
export function legalityReview(md: Md): void {
  const { p, s, cls, legality, A } = md;
  undertakerStep(md, mdSubmitForLegalityReviewUpdate, 'submit the draft for legality review', {
    check: (args) => {
      p.requireStage(Stage.LegalityReview, 'Submitting for legality review');
      if (legality.reviewTaskId) refuse(ErrorCode.WrongStage, 'The draft is already under legality review.');
      const last = legality.last();
      if (last && last.reviewedSha256 === p.documents.DRAFT?.sha256) {
        refuse(
          ErrorCode.RuleViolation,
          `The opinion was ${last.conclusion}: revise the draft (a new DRAFT version) before resubmitting (${A('D713/28')}).`,
        );
      }
      p.requireText(args.basisStatement, `The submission states the legal basis relied on (${A('D713/26')}).`);
      p.requireText(
        args.proceduresPerformed,
        `The submission states how the statutory steps were performed (${A('D713/26')}).`,
      );
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'SUBMITTED_FOR_LEGALITY_REVIEW',
        opinion: `依据：${args.basisStatement}\n履行法定程序情况：${args.proceduresPerformed}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      // G-A9: the legal-affairs office reviews (Art 28; before, a routed adviser did); G-A10: the reviewer is left at
      // least the minimum from complete materials (a warning at the meeting if not).
      await legality.open({
        ...(md.officeReviews ? { assignTo: OFFICE } : {}),
        round: legality.opinions.length + 1 + (p.round - 1) * 100,
        kind: 'MD_LEGALITY_REVIEW',
        title: '合法性审查',
        period: md.policy.legalityReviewPeriod,
        departmentId: s.undertakingUnitId ?? md.input.departmentId,
        drafterIds: [args.actor.userId],
        expertise: [],
        minimum: md.policy.legalityReviewMinimum,
      });
    },
  });
  p.step(mdGiveLegalityOpinionUpdate, {
    check: (args) => {
      if (md.officeReviews) {
        p.requireRole(
          args.actor,
          [Role.LegalAffairsOfficer],
          `the department responsible for legality review (负责合法性审查的部门: the legal-affairs office, G-A9, ` +
            `${A('D713/28')}); a legal adviser's opinion is an input the office requests and cites`,
          'give the legality-review opinion',
        );
      } else {
        // Procedures started before: the routed adviser signs, and so does the office when the review escalated to it.
        p.requireRole(
          args.actor,
          [Role.LegalAdviser, Role.LegalAffairsOfficer],
          `the legal-affairs office or the legal adviser it was routed to (G-A9, ${A('D713/28')})`,
          'give the legality-review opinion',
        );
      }
      p.requireStage(Stage.LegalityReview, 'The legality-review opinion');
      legality.checkOpinion(args);
      for (const cited of args.citedAdviserOpinions ?? []) {
        const input = s.r.adviserInputs.find((i) => i.taskId === cited);
        if (!input?.givenAt) {
          refuse(
            ErrorCode.RuleViolation,
            `The opinion cites ${cited}, which is not an adviser's opinion given in this review (${A('D713/28')}).`,
          );
        }
      }
      p.requireText(args.reasons, `The legality-review opinion is written, with reasons (${A('D713/28')}).`);
      if (args.conclusion === 'NO_CLEAR_RULE') {
        if (!cls.exploratoryReform) {
          refuse(
            ErrorCode.RuleViolation,
            `Only an exploratory reform matter may go forward without a clear rule (G-A8, ${A('D713/25.2')}).`,
          );
        }
        p.requireText(
          args.legalRisk,
          `An exploratory reform goes forward only with its legal risk stated explicitly (G-A8).`,
        );
      }
    },
    run: async (args) => {
      const opinion: LegalityOpinion = {
        round: legality.opinions.length + 1,
        taskId: args.taskId,
        conclusion: args.conclusion,
        reasons: args.reasons,
        reviewerId: args.actor.userId,
        reviewerName: args.actor.displayName,
        reviewedSha256: args.reviewedSha256,
        givenAt: new Date().toISOString(),
        legalRisk: args.legalRisk?.trim() || null,
      };
      const role = md.officeReviews || !args.actor.roles.includes(Role.LegalAdviser) ? OFFICER : Role.LegalAdviser;
      const cited = s.r.adviserInputs.filter((i) => args.citedAdviserOpinions?.includes(i.taskId));
      if (md.officeReviews) {
        opinion.reviewerRole = role === OFFICER ? 'LEGAL_AFFAIRS_OFFICER' : 'LEGAL_ADVISER';
        opinion.citedAdviserOpinions = cited.map((i) => i.taskId);
      }
      legality.record(opinion);
      await p.sign({
        taskId: args.taskId,
        decision: `LEGALITY_${args.conclusion}`,
        opinion: opinionWithPreReview(
          args.reasons +
            (opinion.legalRisk ? `\n探索性改革事项，法律风险：${opinion.legalRisk}` : '') +
            cited.map((i) => `\n引用法律顾问意见（${i.adviserName}，${i.conclusion}）：${i.opinion}`).join(''),
          args.preReview,
        ),
        actor: args.actor,
        role,
        sha256: args.reviewedSha256,
      });
      if (passes(args.conclusion)) await md.advance();
      else {
        await p.openStageTask(
          'MD_LEGALITY_REVISION',
          '根据合法性审查意见修改草案',
          undertaker(md),
          md.policy.undertakerStepPeriod,
        );
      }
    },
  });
}

/**
 * A draft changed after a passing opinion goes back to legality review (procedures started with the binding rule):
 * the change is signed into the ledger and the undertaking unit submits the new text for review.
 */
export async function reopenReviewIfChanged(md: Md, kind: DocumentKind, actor: Actor): Promise<void> {
  const { p, legality, A } = md;
  if (!legality.reopens(kind) || p.stage === Stage.LegalityReview) return;
  const last = legality.last()!;
  await p.sign({
    taskId: p.openTaskId,
    decision: 'LEGALITY_REVIEW_REOPENED',
    opinion:
      `草案在合法性审查意见（${last.conclusion}，${last.reviewedSha256}）之后修改为 ${p.documents.DRAFT!.sha256}：` +
      `重新报送合法性审查（G-A8, ${A('D713/25')}）`,
    actor,
    role: Role.Drafter,
    next: Stage.LegalityReview,
  });
  await md.enter(Stage.LegalityReview);
}
