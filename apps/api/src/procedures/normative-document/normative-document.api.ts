import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  cite,
  type NormativeDocumentTaskKind,
  NormativeDocumentStage as Stage,
  answerCommentUpdate,
  checkMaterialsUpdate,
  closeCommentWindowUpdate,
  completeDraftingUpdate,
  completePublicCommentUpdate,
  decideEvaluationUpdate,
  decideProjectApprovalUpdate,
  setEffectiveDateUpdate,
  extendCommentWindowUpdate,
  giveLegalityOpinionUpdate,
  openCommentWindowUpdate,
  recordDeliberationUpdate,
  recordFairCompetitionReviewUpdate,
  recordMarketRegulationReviewUpdate,
  recordFilingEventUpdate,
  recordPublicationUpdate,
  registerDocumentUpdate,
  repealDocumentUpdate,
  resubmitRevisionUpdate,
  submitForLegalityReviewUpdate,
  withdrawProcedureUpdate,
  Role,
} from '@lawgate/domain';
import { stepsOf, type ProcedureApi } from '../procedure-api';
import { DecideProjectApprovalDto, LegalityOpinionDto, WithdrawProcedureDto } from '../procedures.dto';
import {
  AnswerCommentDto,
  DeliberationDto,
  ExtendCommentWindowDto,
  FairCompetitionReviewDto,
  FilingEventDto,
  MaterialsCheckDto,
  NoteDto,
  OpenCommentWindowDto,
  OptionalNoteDto,
  PublicationDto,
  RepealDto,
  ResubmitRevisionDto,
  SubmitForReviewDto,
} from '../steps.dto';
import { EffectiveDateDto, ValidityEvaluationDto } from './validity.dto';

/** Answering a comment through the step endpoint names the comment in the body. */
export class AnswerCommentStepDto extends AnswerCommentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commentId: string;
}

type S = Stage;
type K = NormativeDocumentTaskKind;
const step = stepsOf<S, K>();
const DRAFTER = [Role.Drafter];
const OFFICER = [Role.LegalAffairsOfficer];
const LIVE_STAGES = [
  Stage.ProjectApproval,
  Stage.Drafting,
  Stage.FairCompetitionReview,
  Stage.PublicComment,
  Stage.OwnLegalityCheck,
  Stage.MaterialsCheck,
  Stage.LegalityReview,
  Stage.Revision,
  Stage.Deliberation,
  Stage.Registration,
  Stage.Publication,
];

/**
 * The human steps of the normative-document procedure (B1–B12): each its update, who takes it, in which stage, and
 * its body. The adviser-opinion steps (request, sign, delegate) keep their own endpoints for their delegation rules.
 */
export const NORMATIVE_DOCUMENT_API: ProcedureApi<S, K> = {
  type: 'NORMATIVE_DOCUMENT',
  steps: {
    'project-approval': step({
      update: decideProjectApprovalUpdate,
      body: DecideProjectApprovalDto,
      args: (b) => ({
        decision: b.decision,
        opinion: b.opinion,
        ...(b.businessDeclaration ? { businessDeclaration: { ...b.businessDeclaration } } : {}),
      }),
      summary: 'B1: the legal-affairs office approves or rejects the project application',
      roles: OFFICER,
      scope: 'TASK',
      tasks: ['PROJECT_APPROVAL'],
      stages: [Stage.ProjectApproval],
    }),
    withdraw: step({
      update: withdrawProcedureUpdate,
      body: WithdrawProcedureDto,
      args: (b) => ({ reason: b.reason }),
      summary: 'The drafting unit withdraws its procedure (a number given and not yet published is voided)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: LIVE_STAGES,
    }),
    'complete-drafting': step({
      update: completeDraftingUpdate,
      body: NoteDto,
      args: (b) => ({ note: b.note }),
      summary: 'B2: finish drafting (draft, drafting explanation and basis list uploaded)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.Drafting],
    }),
    'fair-competition-review': step({
      update: recordFairCompetitionReviewUpdate,
      body: FairCompetitionReviewDto,
      args: (b) => ({ conclusion: b.conclusion, summary: b.summary, exceptionReason: b.exceptionReason }),
      summary: 'B3: record the fair-competition review (a failing one returns the draft to drafting)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.FairCompetitionReview],
    }),
    'market-regulation-review': step({
      update: recordMarketRegulationReviewUpdate,
      body: FairCompetitionReviewDto,
      args: (b) => ({ conclusion: b.conclusion, summary: b.summary, exceptionReason: b.exceptionReason }),
      summary: `B3: the market regulation department reviews a government document after the drafting unit (${cite('FCR/14')})`,
      roles: DRAFTER,
      scope: 'TASK',
      tasks: ['FCR_MARKET_REGULATION'],
      stages: [Stage.FairCompetitionReview],
    }),
    'comment-window': step({
      update: openCommentWindowUpdate,
      body: OpenCommentWindowDto,
      args: (b) => ({ period: b.period ? { ...b.period } : undefined, shortenedReason: b.shortenedReason }),
      summary: 'B4: publish the current draft for public comment (statutory minimum unless shortened)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.PublicComment],
    }),
    'extend-comment-window': step({
      update: extendCommentWindowUpdate,
      body: ExtendCommentWindowDto,
      args: (b) => ({ extension: { ...b.extension }, reason: b.reason }),
      summary: 'B4: extend the comment window (a recorded act with its reason)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.PublicComment],
    }),
    'close-comment-window': step({
      update: closeCommentWindowUpdate,
      body: OptionalNoteDto,
      args: () => ({}),
      summary: 'B4: close the window once the statutory minimum has run (refused before)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.PublicComment],
    }),
    'answer-comment': step({
      update: answerCommentUpdate,
      body: AnswerCommentStepDto,
      args: (b) => ({ commentId: b.commentId, answer: b.answer, reason: b.reason }),
      summary: 'B4: answer a public comment (adopted / partly / not adopted, with the reason)',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.PublicComment],
    }),
    'complete-public-comment': step({
      update: completePublicCommentUpdate,
      body: NoteDto,
      args: (b) => ({ note: b.note }),
      summary: 'B4: leave public comment once the window closed and every comment is answered',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.PublicComment],
    }),
    'submit-for-review': step({
      update: submitForLegalityReviewUpdate,
      body: SubmitForReviewDto,
      args: (b) => ({
        note: b.note,
        emergency: b.emergency ? { ...b.emergency } : undefined,
        expertise: b.expertise,
      }),
      summary: "B5: sign the unit's own legality check and submit the materials for legality review",
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.OwnLegalityCheck],
    }),
    'materials-check': step({
      update: checkMaterialsUpdate,
      body: MaterialsCheckDto,
      args: (b) => ({ complete: b.complete, missing: b.missing, note: b.note }),
      summary: 'B6 intake: the materials are complete (the review clock starts) or what is missing',
      roles: OFFICER,
      scope: 'TASK',
      tasks: ['MATERIALS_CHECK'],
      stages: [Stage.MaterialsCheck],
    }),
    'legality-opinion': step({
      update: giveLegalityOpinionUpdate,
      body: LegalityOpinionDto,
      args: (b) => ({
        conclusion: b.conclusion,
        reasons: b.reasons,
        reviewedSha256: b.reviewedSha256,
        ...(b.shortReviewReason ? { shortReviewReason: b.shortReviewReason } : {}),
      }),
      summary:
        'B6: sign the legality opinion on the exact current draft (409 if it changed), deciding each pre-review finding',
      preReview: true,
      roles: [Role.LegalAdviser, Role.LegalAffairsOfficer],
      scope: 'TASK',
      tasks: ['LEGALITY_REVIEW'],
      stages: [Stage.LegalityReview],
    }),
    resubmit: step({
      update: resubmitRevisionUpdate,
      body: ResubmitRevisionDto,
      args: (b) => ({ adoptedAll: b.adoptedAll, nonAdoptionStatement: b.nonAdoptionStatement }),
      summary: 'B7: resubmit after revision, or state the reasons for not adopting the opinion',
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.Revision],
    }),
    deliberation: step({
      update: recordDeliberationUpdate,
      body: DeliberationDto,
      args: (b) => ({
        decision: b.decision,
        meeting: b.meeting,
        meetingDate: b.meetingDate,
        minutes: b.minutes,
        ...(b.meetingKind ? { meetingKind: b.meetingKind } : {}),
      }),
      summary:
        "B8: record the collective deliberation at the issuer's meeting (the government's executive meeting, or a " +
        "department's own 局务会议); its leader signs",
      roles: [Role.Leader],
      scope: 'TASK',
      tasks: ['DELIBERATION'],
      stages: [Stage.Deliberation],
    }),
    registration: step({
      update: registerDocumentUpdate,
      body: OptionalNoteDto,
      args: () => ({}),
      summary: 'B9: register the document; it gets its number (e.g. 坛政规〔2026〕3号)',
      roles: OFFICER,
      scope: 'TASK',
      tasks: ['REGISTRATION'],
      stages: [Stage.Registration],
    }),
    publication: step({
      update: recordPublicationUpdate,
      body: PublicationDto,
      args: (b) => ({ channel: b.channel, reference: b.reference }),
      summary: 'B10: record the publication; only then is the document in force',
      roles: OFFICER,
      scope: 'TASK',
      tasks: ['PUBLICATION'],
      stages: [Stage.Publication],
    }),
    'filing-events': step({
      update: recordFilingEventUpdate,
      body: FilingEventDto,
      args: (b) => ({ event: b.event, note: b.note, ...(b.filingId ? { filingId: b.filingId } : {}) }),
      summary:
        'B11: record a filing event with one of the recipients the issuer requires (submitted, correction ' +
        'requested, resubmitted, accepted)',
      roles: OFFICER,
      scope: 'ANY',
      stages: [Stage.InForce],
    }),
    'effective-date': step({
      update: setEffectiveDateUpdate,
      body: EffectiveDateDto,
      args: (b) => ({
        effectiveDate: b.effectiveDate,
        ...(b.validUntil ? { validUntil: b.validUntil } : {}),
        ...(b.earlyEffectReason ? { earlyEffectReason: b.earlyEffectReason } : {}),
      }),
      summary:
        'B12: set the effective date (施行日期) and a shorter validity the document states; earlier than the ' +
        "policy's earliest date after publication only with a recorded reason",
      roles: DRAFTER,
      scope: 'OWN_DEPARTMENT',
      stages: LIVE_STAGES.filter((stage) => stage !== Stage.ProjectApproval),
    }),
    evaluation: step({
      update: decideEvaluationUpdate,
      body: ValidityEvaluationDto,
      args: (b) => ({ decision: b.decision, reason: b.reason, ...(b.validUntil ? { validUntil: b.validUntil } : {}) }),
      summary:
        'B12: decide the evaluation before expiry: continue (a new validity, in the register), amend (the drafting ' +
        'department starts the linked amendment) or let it expire',
      roles: OFFICER,
      scope: 'TASK',
      tasks: ['EVALUATION'],
      stages: [Stage.InForce],
    }),
    repeal: step({
      update: repealDocumentUpdate,
      body: RepealDto,
      args: (b) => ({ reason: b.reason }),
      summary: 'B12: repeal a document in force (废止), with the reason',
      roles: OFFICER,
      scope: 'ANY',
      stages: [Stage.InForce],
    }),
  },
};
