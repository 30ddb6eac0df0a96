import { local } from '../../../workflows/activity-proxies';
import { OFFICE, ProcedureRun } from '../../../workflows/kernel/procedure-run';
import { CommentWindow } from '../../../workflows/steps/comment-window.step';
import { meetingHeading, requireMeetingRecord } from '../../../workflows/steps/deliberation.step';
import { documentVersions } from '../../../workflows/steps/document-versions.step';
import { gateStep } from '../../../workflows/steps/gate.step';
import { LegalityReview } from '../../../workflows/steps/legality-review.step';
import { materialsCheck } from '../../../workflows/steps/materials-check.step';
import { publishedNow, requirePublicationReference } from '../../../workflows/steps/publication.step';
import { Registration } from '../../../workflows/steps/registration.step';
import { Revision } from '../../../workflows/steps/revision.step';
import { withdrawal } from '../../../workflows/steps/withdrawal.step';
import { DocumentKind, ErrorCode, Role } from '@lawgate/domain';
import {
  StepStage as S,
  stepAnswer,
  stepCheckMaterials,
  stepCloseComment,
  stepFinishComment,
  stepFinishDrafting,
  stepMeeting,
  stepNote,
  stepOpenComment,
  stepOpinion,
  stepPublish,
  stepRegister,
  stepResubmit,
  stepSettled,
  stepState,
  stepUpload,
  stepWithdraw,
  type StepTestInput,
  type StepTestSnapshot,
} from './step-test.contract';

export { documentRegistrationWorkflow } from '../../../workflows/registration.workflow';

type Opinion = StepTestSnapshot['opinions'][number];
const basis = { regulation: 'test', article: '第一条', verified: true };
const BASIS = Object.fromEntries(Object.values(S).map((s) => [s, basis])) as Record<S, typeof basis>;
const TERMINAL = [S.Done, S.Withdrawn];
const DAY = { amount: 60, unit: 'SECONDS' as const };

/** Every shared step module, wired the way a procedure wires them, in the smallest procedure that needs them all. */
export async function stepTestWorkflow(input: StepTestInput): Promise<StepTestSnapshot> {
  const p: ProcedureRun<S, StepTestSnapshot> = new ProcedureRun<S, StepTestSnapshot>({
    type: 'STEP_TEST',
    input: { ...input, departmentCode: 'TEST' },
    stages: { initial: S.Drafting, terminal: TERMINAL, basis: BASIS },
    reminderLeadSeconds: () => 1,
    wrongStage: (expected, what) => `${what} belongs to stage ${expected}; the procedure is in stage ${p.stage}.`,
    recordDecision: (...args) => local.recordDecision(...args),
  });
  const drafter = (actor: { roles: Role[] }) => p.requireRole(actor as never, [Role.Drafter], 'a drafter', 'act');
  const unit = { unitId: input.departmentId };
  const enter = async (stage: S) => {
    if (stage === S.Review) {
      await legality.open({
        round: p.nextRound(stage),
        kind: 'REVIEW',
        title: '审核',
        period: DAY,
        departmentId: input.departmentId,
        drafterIds: [],
        expertise: [],
        minimum: input.reviewMinimum,
      });
    } else if (stage === S.Materials || stage === S.Meeting || stage === S.Registration || stage === S.Publication) {
      await p.openStageTask(stage, stage, OFFICE, DAY);
    } else if (stage === S.Revision) await p.openStageTask('REVISION', '修改', unit, DAY);
  };
  const legality = new LegalityReview<S, StepTestSnapshot, Opinion>(p, {
    stage: S.Review,
    reviewed: (o) => o,
    passing: (c) => c !== 'UNLAWFUL',
    basis: 'test 第一条',
  });
  const comments = new CommentWindow<S, StepTestSnapshot>(p, {
    stage: S.Comment,
    basis: 'test 第二条',
    mayAct: (actor) => drafter(actor),
    minimum: () => input.commentMinimum,
    idempotencyKey: () => `${p.workflowId}:comment`,
    publishingClosesTask: false,
    publishedOpinion: (closesAt) => `至 ${closesAt}`,
    reasonEndsMinimum: false,
    updates: { open: stepOpenComment, close: stepCloseComment, answer: stepAnswer },
  });
  const registration = new Registration<S, StepTestSnapshot>(p, {
    update: stepRegister,
    stage: S.Registration,
    issuerUnitId: () => input.departmentId,
    series: () => 'NORMATIVE',
    validityYears: () => 5,
    check: () => legality.requireReviewedText('Registration'),
    next: S.Publication,
    then: () => enter(S.Publication),
  });
  const revision = new Revision<S, StepTestSnapshot, Opinion>(p, legality, {
    update: stepResubmit,
    stage: S.Revision,
    mayAct: (actor) => drafter(actor),
    basis: 'test 第三条',
    review: S.Review,
    deliberation: S.Meeting,
    enter,
    attachStatement: () => undefined,
  });
  documentVersions(p, {
    update: stepUpload,
    mayUpload: drafter,
    stages: [S.Drafting, S.Comment, S.Revision, S.Meeting],
    wrongStage: () => `No uploads in stage ${p.stage}.`,
    underReview: () => legality.underReview(),
  });
  withdrawal(p, {
    update: stepWithdraw,
    withdrawn: S.Withdrawn,
    mayWithdraw: drafter,
    commentWindow: comments,
    registration,
    unpublished: () => p.stage !== S.Done,
  });
  materialsCheck(p, {
    update: stepCheckMaterials,
    stage: S.Materials,
    required: [{ kind: DocumentKind.Draft, label: '草案' }],
    complete: S.Review,
    incomplete: S.Comment,
    enter,
  });
  const move = (update: typeof stepFinishDrafting, from: S, next: S, check?: () => void) =>
    p.step(update, {
      check: (args) => {
        drafter(args.actor);
        p.requireStage(from, `Leaving ${from}`);
        check?.();
      },
      run: async (args) => {
        await p.sign({
          taskId: p.openTaskId,
          decision: `${from}_DONE`,
          opinion: '',
          actor: args.actor,
          role: Role.Drafter,
          next,
        });
        await enter(next);
      },
    });
  p.step(stepNote, {
    check: (args) => void args,
    run: (args) =>
      p.sign({ taskId: null, decision: 'NOTE', opinion: args.note, actor: args.actor, role: Role.Drafter }),
  });
  move(stepFinishDrafting, S.Drafting, S.Comment);
  move(stepFinishComment, S.Comment, S.Materials, () => comments.requireAnswered());
  p.step(stepOpinion, {
    check: (args) => {
      p.requireStage(S.Review, 'The opinion');
      legality.checkOpinion(args);
      if (legality.minimumEndsAt && Date.now() < Date.parse(legality.minimumEndsAt)) {
        p.requireText('', 'The reviewer is left the minimum review time.');
      }
    },
    run: async (args) => {
      const draft = p.documents.DRAFT!;
      const next = args.conclusion === 'LAWFUL' ? S.Meeting : S.Revision;
      await p.sign({
        taskId: args.taskId,
        decision: args.conclusion,
        opinion: args.reasons,
        actor: args.actor,
        role: Role.LegalAdviser,
        next,
      });
      legality.record({ conclusion: args.conclusion, sha256: draft.sha256, version: draft.version });
      revision.cause = args.conclusion === 'LAWFUL' ? null : (args.conclusion as 'UNLAWFUL');
      await enter(next);
    },
  });
  gateStep(p, legality, {
    update: stepMeeting,
    stage: S.Meeting,
    what: 'The meeting',
    who: { roles: [Role.Leader], name: 'a leader' },
    doing: 'record the meeting',
    check: (args) => requireMeetingRecord(p, args.meeting, args.meetingDate, ErrorCode.ValidationFailed, 'Not a date.'),
    run: async (args) => {
      const opinion = meetingHeading(args.meeting, args.meetingDate);
      await p.sign({
        taskId: args.taskId,
        decision: 'ADOPTED',
        opinion,
        actor: args.actor,
        role: Role.Leader,
        next: S.Registration,
      });
      await enter(S.Registration);
    },
  });
  gateStep(p, legality, {
    update: stepPublish,
    stage: S.Publication,
    what: 'Publication',
    who: { roles: [Role.LegalAffairsOfficer], name: 'an officer' },
    doing: 'publish',
    check: (args) => requirePublicationReference(p, args.reference),
    run: async (args) => {
      const at = publishedNow();
      await p.sign({
        taskId: args.taskId,
        decision: 'PUBLISHED',
        opinion: at,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        next: S.Done,
      });
    },
  });

  p.snapshot = () => ({
    ...p.snapshotBase(),
    status: p.status,
    commentWindow: comments.view(),
    opinions: [...legality.opinions],
    registration: registration.record,
  });
  p.expose([stepState], stepSettled);
  await p.register({
    projectCode: 'STEP',
    departmentId: input.departmentId,
    initiator: null as never,
    policyVersion: 'test',
    details: {},
  });
  p.settled = true;
  return p.run({ [S.Comment]: () => comments.run() });
}
