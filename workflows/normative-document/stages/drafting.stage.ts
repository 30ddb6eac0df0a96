import { currentUpdateInfo, patched } from '@temporalio/workflow';
import { acts, refuse, watchDeadline } from '../../activity-proxies';
import type { Nd } from '../context';
import { requireMaterials } from '../../steps/materials-check.step';
import { requireCurrentDraft } from '../../steps/document-versions.step';
import {
  DocumentKind,
  ErrorCode,
  legalBasis,
  NormativeDocumentStage as Stage,
  completeDraftingUpdate,
  giveAdviserOpinionUpdate,
  requestAdviserOpinionUpdate,
  Role,
} from '@lawgate/domain';

/** Why an adviser-opinion task exists (regulations.md §4.4; the national opinion was read only in summaries). */
const ADVISER_OPINION_BASIS = legalBasis('ADVISERS/drafting');

/** G-B5: what the reviewing body must have before its clock starts (国办发〔2018〕115号 (五)). */
export const REVIEW_MATERIALS = [
  { kind: DocumentKind.Draft, label: '草案（送审稿）' },
  { kind: DocumentKind.DraftingExplanation, label: '起草说明' },
  { kind: DocumentKind.BasisList, label: '制定依据' },
  { kind: DocumentKind.OwnLegalityOpinion, label: '起草单位合法性审核意见' },
];

/** Materials the drafting unit must have before drafting can end. */
const DRAFTING_MATERIALS = REVIEW_MATERIALS.slice(0, 3);

/** B2 起草: the draft, legal advisers' opinions on it, and the end of drafting. */
export function drafting(nd: Nd): void {
  adviserOpinions(nd);
  const { p, s } = nd;
  p.step(completeDraftingUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'finish drafting');
      p.requireStage(Stage.Drafting, 'Finishing the draft');
      requireMaterials(p, DRAFTING_MATERIALS, (m) => `Drafting cannot end before these materials are uploaded: ${m}.`);
      if (s.pendingOpinion) {
        refuse(ErrorCode.RuleViolation, 'A legal adviser opinion was asked for and is not given yet; wait for it.');
      }
    },
    run: async (args) => {
      // The declaration as the legal-affairs office confirmed it at project approval decides (公平竞争审查条例 Art 2).
      const next = s.touchesBusiness ? Stage.FairCompetitionReview : Stage.PublicComment;
      await p.sign({
        taskId: null,
        decision: 'DRAFT_COMPLETED',
        opinion: args.note,
        actor: args.actor,
        role: Role.Drafter,
        next,
      });
      await nd.enter(next);
    },
  });
}

/** While drafting, the drafting unit asks the government's legal advisers for an opinion on the current draft. */
function adviserOpinions(nd: Nd): void {
  const { p, input, s } = nd;
  p.step(requestAdviserOpinionUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'ask for an adviser opinion');
      if (p.stage !== Stage.Drafting) {
        refuse(
          ErrorCode.WrongStage,
          `Adviser opinions are asked while drafting; the procedure is in stage ${p.stage}.`,
        );
      }
      if (!p.documents.DRAFT) refuse(ErrorCode.RuleViolation, 'Upload the draft before asking for an opinion on it.');
      if (s.pendingOpinion) refuse(ErrorCode.WrongStage, 'An adviser opinion was asked already and is not given yet.');
      p.requireIdle();
      if (args.question.trim().length === 0) refuse(ErrorCode.RuleViolation, 'Say what the adviser should look at.');
    },
    run: async (args) => {
      const draft = p.documents.DRAFT!;
      const round = s.opinions.length + 1;
      const question = args.question.trim();
      const task = await acts.routeTask({
        procedureId: input.procedureId,
        workflowId: p.workflowId,
        stage: p.stage,
        round,
        kind: 'ADVISER_OPINION',
        title: `法律顾问意见：${input.title}（草案第${draft.version}稿）`,
        legalBasis: ADVISER_OPINION_BASIS,
        period: nd.given.adviserOpinionPeriod ?? { amount: 5, unit: 'WORKING_DAYS' },
        departmentId: input.departmentId,
        drafterIds: [...new Set([input.applicant.userId, args.actor.userId])],
        expertise: args.expertise,
        subjectVersionId: draft.versionId,
        question,
      });
      s.pendingOpinion = { taskId: task.taskId, round, requestedOn: draft, question };
      if (patched('adviser-question-in-ledger')) {
        // The question is part of the record: the ledger keeps what the adviser was asked, on which text.
        await p.spec.recordDecision({
          procedureId: input.procedureId,
          workflowId: p.workflowId,
          taskId: null,
          stage: p.stage,
          decision: 'ADVISER_OPINION_REQUESTED',
          opinion: `向法律顾问提出的问题：${question}`,
          actor: args.actor,
          actorRole: Role.Drafter,
          documentSha256: draft.sha256,
          idempotencyKey: currentUpdateInfo()?.id ?? `${p.workflowId}:opinion-request:${round}`,
          nextStage: p.stage,
          nextStatus: p.status,
        });
      }
      if (task.dueAt) {
        // Runs beside the rest of the procedure until the opinion is given.
        void watchDeadline(
          task.taskId,
          Date.parse(task.dueAt),
          nd.given.reminderLeadSeconds ?? 24 * 3600,
          () => s.pendingOpinion?.taskId === task.taskId,
          () => undefined,
        );
      }
    },
  });
  p.step(giveAdviserOpinionUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.LegalAdviser], 'a legal adviser', 'sign an adviser opinion');
      if (args.actor.unitId === input.departmentId || args.actor.userId === input.applicant.userId) {
        refuse(ErrorCode.Forbidden, 'The drafting side cannot give the opinion on its own draft (recusal).');
      }
      if (!s.pendingOpinion || s.pendingOpinion.taskId !== args.taskId) {
        refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not an open adviser-opinion task of this procedure.`);
      }
      p.requireIdle();
      requireCurrentDraft(p.documents, args.reviewedSha256);
      if (args.conclusion !== 'LAWFUL') {
        p.requireText(args.reasons, 'An opinion that the draft is unlawful or must be amended needs the reasons.');
      }
    },
    run: async (args) => {
      const pending = s.pendingOpinion!;
      const draft = p.documents.DRAFT!;
      await p.spec.recordDecision({
        procedureId: input.procedureId,
        workflowId: p.workflowId,
        taskId: args.taskId,
        stage: p.stage,
        decision: args.conclusion,
        opinion: args.countersignsDraftOf
          ? `${args.reasons}\n（会签：本意见由 ${args.countersignsDraftOf} 起草，经本人审核签署）`
          : args.reasons,
        actor: args.actor,
        actorRole: Role.LegalAdviser,
        documentSha256: args.reviewedSha256,
        idempotencyKey: currentUpdateInfo()?.id ?? `${p.workflowId}:opinion:${pending.round}`,
        nextStage: p.stage,
        nextStatus: p.status,
      });
      s.opinions.push({
        round: pending.round,
        taskId: args.taskId,
        conclusion: args.conclusion,
        version: draft.version,
        sha256: draft.sha256,
        adviserId: args.actor.userId,
        ...(pending.question ? { question: pending.question } : {}),
      });
      s.pendingOpinion = null;
    },
  });
}
