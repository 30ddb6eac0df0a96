import {
  opinionWithPreReview,
  ErrorCode,
  cite,
  DELIBERATION_MEETING,
  Role,
  NormativeDocumentStage as Stage,
  checkMaterialsUpdate,
  completePublicCommentUpdate,
  giveLegalityOpinionUpdate,
  recordDeliberationUpdate,
  submitForLegalityReviewUpdate,
} from '@lawgate/domain';
import { refuse } from '../../activity-proxies';
import { LEADER, type Nd } from '../context';
import { REVIEW_MATERIALS } from './drafting.stage';
import { gateStep } from '../../steps/gate.step';
import { meetingHeading, requireMeetingRecord } from '../../steps/deliberation.step';
import { materialsCheck, requireMaterials } from '../../steps/materials-check.step';

/** B4 → B5: public comment ends once every comment is answered. */
export function publicCommentEnd(nd: Nd): void {
  const { p, comments } = nd;
  p.step(completePublicCommentUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'finish public comment');
      p.requireStage(Stage.PublicComment, 'Finishing public comment');
      comments.requireAnswered();
    },
    run: async (args) => {
      const count = comments.window!.commentIds.length;
      await p.sign({
        taskId: p.openTaskId,
        decision: 'COMMENTS_ANSWERED',
        opinion: `${args.note}\n（收到意见 ${count} 条，已逐条答复）`,
        actor: args.actor,
        role: Role.Drafter,
        next: Stage.OwnLegalityCheck,
      });
      await nd.enter(Stage.OwnLegalityCheck);
    },
  });
}

/** B5 本单位合法性审核, then B6 intake: the drafting unit submits; the office checks the materials (G-B5). */
export function submission(nd: Nd): void {
  const { p, s } = nd;
  p.step(submitForLegalityReviewUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'submit the draft for legality review');
      p.requireStage(Stage.OwnLegalityCheck, 'Submitting for legality review');
      requireMaterials(p, REVIEW_MATERIALS, (m) => `Upload these materials before submitting: ${m}.`);
      p.requireText(args.note, "Say what the drafting unit's own legality check concluded.");
      if (args.emergency) p.requireText(args.emergency.reason, 'An emergency needs its reason recorded.');
    },
    run: async (args) => {
      s.emergency = args.emergency ? { category: args.emergency.category, reason: args.emergency.reason } : null;
      s.expertise = args.expertise ?? [];
      await p.sign({
        taskId: p.openTaskId,
        decision: 'SUBMITTED_FOR_REVIEW',
        opinion: args.emergency
          ? `${args.note}\n（紧急情形：${args.emergency.category}，${args.emergency.reason}）`
          : args.note,
        actor: args.actor,
        role: Role.Drafter,
        next: Stage.MaterialsCheck,
      });
      await nd.enter(Stage.MaterialsCheck);
    },
  });
  materialsCheck(p, {
    update: checkMaterialsUpdate,
    stage: Stage.MaterialsCheck,
    required: REVIEW_MATERIALS,
    complete: Stage.LegalityReview,
    incomplete: Stage.OwnLegalityCheck,
    enter: nd.enter,
  });
}

/** B6 合法性审核 (G-B6): the opinion, given no earlier than the reviewer's minimum, binds the version reviewed. */
export function legalityOpinion(nd: Nd): void {
  const { p, input, s, legality } = nd;
  p.step(giveLegalityOpinionUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAdviser, Role.LegalAffairsOfficer],
        'the reviewing body (a legal adviser or the legal-affairs office)',
        'sign',
      );
      if (args.actor.unitId === input.departmentId || args.actor.userId === input.applicant.userId) {
        refuse(ErrorCode.Forbidden, 'The drafting side cannot review its own draft (recusal).');
      }
      p.requireStage(Stage.LegalityReview, 'The legality opinion');
      legality.checkOpinion(args);
      const minimum = legality.minimumEndsAt;
      if (minimum && Date.now() < Date.parse(minimum) && !args.shortReviewReason?.trim()) {
        refuse(
          ErrorCode.RuleViolation,
          `The reviewer is left, as a rule, its minimum review time, until ${minimum} (${cite('GB115/5.time')}): an ` +
            'emergency declared at submission shortens it, or the reviewer states why this review is shorter.',
        );
      }
      if (args.conclusion !== 'LAWFUL') {
        p.requireText(args.reasons, 'An opinion that the draft is unlawful or must be amended needs the reasons.');
      }
    },
    run: async (args) => {
      const draft = p.documents.DRAFT!;
      const round = p.roundOf(Stage.LegalityReview);
      const minimum = legality.minimumEndsAt;
      if (minimum && Date.now() < Date.parse(minimum) && args.shortReviewReason?.trim()) {
        await p.recordDiscretion({
          rule: 'REVIEW_MINIMUM',
          basis: cite('GB115/5.time'),
          decision: `审核意见在最短审核期限（至 ${minimum}）届满前出具`,
          reason: args.shortReviewReason,
          actor: args.actor,
          role: args.actor.roles.includes(Role.LegalAdviser) ? Role.LegalAdviser : Role.LegalAffairsOfficer,
        });
      }
      const next = args.conclusion === 'LAWFUL' ? Stage.Deliberation : Stage.Revision;
      const role = args.actor.roles.includes(Role.LegalAdviser) ? Role.LegalAdviser : Role.LegalAffairsOfficer;
      s.legalityOpinionEntry = await p.sign({
        taskId: args.taskId,
        decision: args.conclusion,
        opinion: opinionWithPreReview(args.reasons, args.preReview),
        actor: args.actor,
        role,
        sha256: args.reviewedSha256,
        next,
      });
      legality.record({
        round,
        taskId: args.taskId,
        conclusion: args.conclusion,
        version: draft.version,
        sha256: draft.sha256,
        reviewerId: args.actor.userId,
        nonAdoptionStatement: null,
      });
      legality.minimumEndsAt = null;
      nd.revision.cause = args.conclusion === 'LAWFUL' ? null : args.conclusion;
      await nd.enter(next);
    },
  });
}

/** B8 集体审议决定 (G-B7, G-B8): the leadership deliberates on the text the lawful opinion binds; the principal signs. */
export function deliberation(nd: Nd): void {
  const { p, legality } = nd;
  gateStep(p, legality, {
    update: recordDeliberationUpdate,
    stage: Stage.Deliberation,
    what: 'The collective deliberation',
    who: LEADER,
    doing: 'record and sign the deliberation',
    check: (args) => {
      const last = legality.last();
      if (!last || last.conclusion === 'UNLAWFUL') {
        refuse(
          ErrorCode.RuleViolation,
          `No deliberation without a legality opinion that the draft is lawful (${nd.stageName(Stage.LegalityReview)}).`,
        );
      }
      requireIssuersMeeting(nd, args);
      requireMeetingRecord(
        p,
        args.meeting,
        args.meetingDate,
        ErrorCode.RuleViolation,
        'The meeting date is not a date.',
      );
      p.requireText(args.minutes, 'The deliberation record is required.');
    },
    run: async (args) => {
      const next =
        args.decision === 'ADOPTED'
          ? Stage.Registration
          : args.decision === 'RETURNED'
            ? Stage.Revision
            : Stage.NotAdopted;
      await p.sign({
        taskId: args.taskId,
        decision: args.decision,
        opinion: `${meetingHeading(args.meeting, args.meetingDate, DELIBERATION_MEETING[nd.s.issuer].zh)}\n${args.minutes}`,
        actor: args.actor,
        role: Role.Leader,
        next,
        status: args.decision === 'REJECTED' ? 'REJECTED' : 'ACTIVE',
      });
      if (args.decision === 'RETURNED') nd.revision.cause = 'RETURNED';
      await nd.enter(next);
    },
  });
}

/**
 * The meeting and the signer follow the issuer (JS158): a government document is deliberated at the government's
 * executive meeting and signed by a leader of the government; a department's own document at its bureau meeting
 * (局务会议), signed by the department's own leader, not by the government's.
 */
function requireIssuersMeeting(nd: Nd, args: { meetingKind?: string; actor: { unitId: string | null } }): void {
  const meeting = DELIBERATION_MEETING[nd.s.issuer];
  const own = args.actor.unitId === nd.input.departmentId;
  if (nd.s.issuer === 'DEPARTMENT' ? !own : own) {
    refuse(
      ErrorCode.Forbidden,
      `This document is issued by ${nd.s.issuer === 'DEPARTMENT' ? 'the department' : 'the government'}: only ` +
        `${meeting.signer} signs its deliberation (${cite('JS158/deliberation')}).`,
    );
  }
  if (args.meetingKind !== undefined && args.meetingKind !== meeting.kind) {
    refuse(
      ErrorCode.RuleViolation,
      `This document is deliberated at the ${meeting.zh} (${meeting.kind}), not at a ${args.meetingKind} meeting ` +
        `(${cite('JS158/deliberation')}).`,
    );
  }
}
