import { cite } from '../../legal-bases';
import { Role } from '../../roles';
import { defineProcedure } from '../kernel/procedure-definition';
import {
  NORMATIVE_DOCUMENT_STAGE_BASIS as BASIS,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  NormativeDocumentStage as Stage,
  type NormativeDocumentInput,
  type NormativeDocumentPolicy,
} from '../normative-document.contract';

/** Task kinds of the normative-document procedure (the `task.kind` column). */
export type NormativeDocumentTaskKind =
  | 'PROJECT_APPROVAL'
  | 'ADVISER_OPINION'
  | 'FAIR_COMPETITION_REVIEW'
  | 'FCR_MARKET_REGULATION'
  | 'PUBLISH_FOR_COMMENT'
  | 'ANSWER_COMMENTS'
  | 'OWN_LEGALITY_CHECK'
  | 'MATERIALS_CHECK'
  | 'LEGALITY_REVIEW'
  | 'REVISION'
  | 'DELIBERATION'
  | 'REGISTRATION'
  | 'PUBLICATION'
  | 'FILING'
  | 'EVALUATION'
  | 'AMENDMENT';

const DRAFTER = [Role.Drafter] as const;
const OFFICER = [Role.LegalAffairsOfficer] as const;
const REVIEWER = [Role.LegalAdviser, Role.LegalAffairsOfficer] as const;

/**
 * The administrative normative document procedure (行政规范性文件, regulations.md §2.2, B1–B12) as data: stage order,
 * when each stage runs, its basis, who acts, the task it opens and its period, where uploads are allowed and what it
 * waits for. The workflow (`normativeDocumentWorkflow`) runs it; the API and the web app read it.
 */
export const NORMATIVE_DOCUMENT_DEFINITION = defineProcedure<
  Stage,
  NormativeDocumentTaskKind,
  NormativeDocumentInput,
  NormativeDocumentPolicy
>({
  type: 'NORMATIVE_DOCUMENT',
  workflowType: NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  workflowIdPrefix: 'normative-document',
  name: { zh: '行政规范性文件', en: 'Normative document' },
  uploadWindow: 'while drafting or revising',
  initialStage: Stage.ProjectApproval,
  stages: [
    {
      stage: Stage.ProjectApproval,
      name: { zh: '立项审批', en: 'Project approval' },
      basis: BASIS[Stage.ProjectApproval],
      runs: { kind: 'ALWAYS' },
      party: 'LEGAL_AFFAIRS_OFFICE',
      roles: OFFICER,
      entryTask: 'PROJECT_APPROVAL',
      tasks: ['PROJECT_APPROVAL'],
      periodKey: 'projectApprovalPeriod',
      upload: false,
      drafting: true,
      waitingFor: { default: '司法局审批立项申请' },
      onTimeline: true,
    },
    {
      stage: Stage.Drafting,
      name: { zh: '起草', en: 'Drafting' },
      basis: BASIS[Stage.Drafting],
      runs: { kind: 'ALWAYS' },
      party: 'DRAFTING_UNIT',
      roles: DRAFTER,
      entryTask: null,
      tasks: ['ADVISER_OPINION'],
      periodKey: null,
      upload: true,
      drafting: true,
      waitingFor: { default: '起草单位上传草案、起草说明和制定依据后提交', opinionPending: '法律顾问出具意见' },
      onTimeline: true,
    },
    {
      stage: Stage.FairCompetitionReview,
      name: { zh: '公平竞争审查', en: 'Fair-competition review' },
      basis: BASIS[Stage.FairCompetitionReview],
      runs: {
        kind: 'INPUT',
        description:
          `文件涉及经营者经济活动，经司法局立项时确认（${cite('FCR/2')}）；以政府名义制定的，` +
          `起草单位初审后由市场监管部门审查（${cite('FCR/14')}）`,
        test: (input: NormativeDocumentInput) => input.application.touchesBusiness,
      },
      party: 'DRAFTING_UNIT',
      roles: DRAFTER,
      entryTask: 'FAIR_COMPETITION_REVIEW',
      tasks: ['FAIR_COMPETITION_REVIEW', 'FCR_MARKET_REGULATION'],
      periodKey: 'drafterStepPeriod',
      upload: true,
      drafting: false,
      waitingFor: { default: '起草单位完成公平竞争审查', marketRegulation: '市场监管部门进行公平竞争审查' },
      onTimeline: true,
    },
    {
      stage: Stage.PublicComment,
      name: { zh: '公开征求意见', en: 'Public comment' },
      basis: BASIS[Stage.PublicComment],
      step: 'COMMENT_WINDOW',
      runs: { kind: 'ALWAYS' },
      party: 'DRAFTING_UNIT',
      roles: DRAFTER,
      entryTask: 'PUBLISH_FOR_COMMENT',
      tasks: ['PUBLISH_FOR_COMMENT', 'ANSWER_COMMENTS'],
      periodKey: 'drafterStepPeriod',
      upload: true,
      drafting: false,
      waitingFor: {
        default: '起草单位发布征求意见稿',
        windowOpen: '公开征求意见，至 {closesAt} 截止',
        answering: '起草单位逐条答复公众意见',
      },
      onTimeline: true,
    },
    {
      stage: Stage.OwnLegalityCheck,
      name: { zh: '本单位合法性审核', en: 'Own legality check' },
      basis: BASIS[Stage.OwnLegalityCheck],
      runs: { kind: 'ALWAYS' },
      party: 'DRAFTING_UNIT',
      roles: DRAFTER,
      entryTask: 'OWN_LEGALITY_CHECK',
      tasks: ['OWN_LEGALITY_CHECK'],
      periodKey: 'drafterStepPeriod',
      upload: true,
      drafting: false,
      waitingFor: { default: '起草单位出具本单位合法性审核意见并报送审核' },
      onTimeline: true,
    },
    {
      stage: Stage.MaterialsCheck,
      name: { zh: '材料齐全性审查', en: 'Materials check' },
      basis: BASIS[Stage.MaterialsCheck],
      step: 'MATERIALS_CHECK',
      runs: { kind: 'ALWAYS' },
      party: 'LEGAL_AFFAIRS_OFFICE',
      roles: OFFICER,
      entryTask: 'MATERIALS_CHECK',
      tasks: ['MATERIALS_CHECK'],
      periodKey: 'materialsCheckPeriod',
      upload: false,
      drafting: false,
      waitingFor: { default: '司法局审查报送材料是否齐全' },
      onTimeline: true,
    },
    {
      stage: Stage.LegalityReview,
      name: { zh: '合法性审核', en: 'Legality review' },
      basis: BASIS[Stage.LegalityReview],
      step: 'LEGALITY_REVIEW',
      runs: { kind: 'ALWAYS' },
      party: 'LEGAL_ADVISER',
      roles: REVIEWER,
      entryTask: 'LEGALITY_REVIEW',
      tasks: ['LEGALITY_REVIEW'],
      periodKey: 'legalityReviewMaximum',
      upload: false,
      drafting: false,
      waitingFor: { default: '合法性审核机构（法律顾问）出具审核意见' },
      onTimeline: true,
    },
    {
      stage: Stage.Revision,
      name: { zh: '修改', en: 'Revision' },
      basis: BASIS[Stage.Revision],
      step: 'REVISION',
      runs: { kind: 'OUTCOME', description: '合法性审核意见为“不合法”或“应当予以修改”' },
      party: 'DRAFTING_UNIT',
      roles: DRAFTER,
      entryTask: 'REVISION',
      tasks: ['REVISION'],
      periodKey: 'drafterStepPeriod',
      upload: true,
      drafting: false,
      waitingFor: { default: '起草单位根据审核意见修改或说明不采纳理由' },
      onTimeline: true,
    },
    {
      stage: Stage.Deliberation,
      name: { zh: '集体审议', en: 'Deliberation' },
      basis: BASIS[Stage.Deliberation],
      step: 'DELIBERATION',
      runs: { kind: 'ALWAYS' },
      party: 'GOVERNMENT',
      roles: [Role.Leader],
      partyNote:
        `by the issuer: a government document at the government's executive meeting (常务会议), a leader signs; a ` +
        `department's own at its bureau meeting (局务会议), its leader signs (${cite('JS158/deliberation')})`,
      entryTask: 'DELIBERATION',
      tasks: ['DELIBERATION'],
      periodKey: 'deliberationPeriod',
      upload: false,
      drafting: false,
      waitingFor: { default: '集体审议决定，主要负责人签发' },
      onTimeline: true,
    },
    {
      stage: Stage.Registration,
      name: { zh: '统一登记编号', en: 'Registration' },
      basis: BASIS[Stage.Registration],
      step: 'REGISTRATION',
      runs: { kind: 'ALWAYS' },
      party: 'LEGAL_AFFAIRS_OFFICE',
      roles: OFFICER,
      entryTask: 'REGISTRATION',
      tasks: ['REGISTRATION'],
      periodKey: 'registrationPeriod',
      upload: false,
      drafting: false,
      waitingFor: { default: '司法局统一登记、统一编号' },
      onTimeline: true,
    },
    {
      stage: Stage.Publication,
      name: { zh: '统一发布', en: 'Publication' },
      basis: BASIS[Stage.Publication],
      step: 'PUBLICATION',
      runs: { kind: 'ALWAYS' },
      party: 'LEGAL_AFFAIRS_OFFICE',
      roles: OFFICER,
      entryTask: 'PUBLICATION',
      tasks: ['PUBLICATION'],
      periodKey: 'registrationPeriod',
      upload: false,
      drafting: false,
      waitingFor: { default: '统一发布' },
      onTimeline: true,
    },
    {
      stage: Stage.InForce,
      name: { zh: '施行中', en: 'In force' },
      basis: BASIS[Stage.InForce],
      runs: { kind: 'ALWAYS' },
      party: 'LEGAL_AFFAIRS_OFFICE',
      roles: OFFICER,
      partyNote:
        `filed with each recipient the issuer requires (${cite('JS158/filing')}); the evaluation before expiry ` +
        `ends in continue, amend (a linked procedure) or expire (${cite('GB37/evaluation')})`,
      entryTask: 'FILING',
      tasks: ['FILING', 'EVALUATION', 'AMENDMENT'],
      periodKey: 'filingPeriod',
      upload: false,
      drafting: false,
      waitingFor: {
        default: null,
        filingPending: '报送备案，等待备案审查结果',
        evaluation: '司法局作出有效期届满前评估决定（继续施行、修改或失效）',
        amendmentToStart: '起草单位启动修订程序',
        amending: '修订程序进行中；修订后的文件施行前本文件继续有效',
      },
      onTimeline: true,
    },
  ],
  terminal: [
    { stage: Stage.Expired, name: { zh: '已失效', en: 'Expired' }, basis: BASIS[Stage.Expired] },
    { stage: Stage.Repealed, name: { zh: '已废止', en: 'Repealed' }, basis: BASIS[Stage.Repealed] },
    { stage: Stage.NotAdopted, name: { zh: '未通过', en: 'Not adopted' }, basis: BASIS[Stage.NotAdopted] },
    { stage: Stage.Rejected, name: { zh: '不予立项', en: 'Rejected' }, basis: BASIS[Stage.Rejected] },
    { stage: Stage.Withdrawn, name: { zh: '已撤回', en: 'Withdrawn' }, basis: BASIS[Stage.Withdrawn] },
    { stage: Stage.Replaced, name: { zh: '已被修订替代', en: 'Replaced' }, basis: BASIS[Stage.Replaced] },
  ],
  tasks: {
    PROJECT_APPROVAL: {
      kind: 'PROJECT_APPROVAL',
      title: '立项审批',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: OFFICER,
      periodKey: 'projectApprovalPeriod',
    },
    ADVISER_OPINION: {
      kind: 'ADVISER_OPINION',
      title: '法律顾问意见',
      party: 'LEGAL_ADVISER',
      holders: [Role.LegalAdviser],
      periodKey: 'adviserOpinionPeriod',
      routed: true,
    },
    FAIR_COMPETITION_REVIEW: {
      kind: 'FAIR_COMPETITION_REVIEW',
      title: '公平竞争审查',
      party: 'DRAFTING_UNIT',
      holders: DRAFTER,
      periodKey: 'drafterStepPeriod',
    },
    FCR_MARKET_REGULATION: {
      kind: 'FCR_MARKET_REGULATION',
      title: '市场监管部门公平竞争审查',
      party: 'MARKET_REGULATION',
      holders: DRAFTER,
      periodKey: 'marketRegulationReviewPeriod',
    },
    PUBLISH_FOR_COMMENT: {
      kind: 'PUBLISH_FOR_COMMENT',
      title: '发布征求意见稿',
      party: 'DRAFTING_UNIT',
      holders: DRAFTER,
      periodKey: 'drafterStepPeriod',
    },
    ANSWER_COMMENTS: {
      kind: 'ANSWER_COMMENTS',
      title: '逐条答复公众意见',
      party: 'DRAFTING_UNIT',
      holders: DRAFTER,
      periodKey: 'drafterStepPeriod',
    },
    OWN_LEGALITY_CHECK: {
      kind: 'OWN_LEGALITY_CHECK',
      title: '本单位合法性审核并报送',
      party: 'DRAFTING_UNIT',
      holders: DRAFTER,
      periodKey: 'drafterStepPeriod',
    },
    MATERIALS_CHECK: {
      kind: 'MATERIALS_CHECK',
      title: '审核材料齐全性审查',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'materialsCheckPeriod',
    },
    LEGALITY_REVIEW: {
      kind: 'LEGALITY_REVIEW',
      title: '合法性审核',
      party: 'LEGAL_ADVISER',
      holders: REVIEWER,
      periodKey: 'legalityReviewMaximum',
      routed: true,
    },
    REVISION: {
      kind: 'REVISION',
      title: '根据审核意见修改',
      party: 'DRAFTING_UNIT',
      holders: DRAFTER,
      periodKey: 'drafterStepPeriod',
    },
    DELIBERATION: {
      kind: 'DELIBERATION',
      title: '集体审议决定',
      party: 'GOVERNMENT',
      holders: [Role.Leader],
      periodKey: 'deliberationPeriod',
    },
    REGISTRATION: {
      kind: 'REGISTRATION',
      title: '统一登记、统一编号',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'registrationPeriod',
    },
    PUBLICATION: {
      kind: 'PUBLICATION',
      title: '统一发布',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'registrationPeriod',
    },
    FILING: {
      kind: 'FILING',
      title: '报送备案',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'filingPeriod',
    },
    EVALUATION: {
      kind: 'EVALUATION',
      title: '有效期届满前评估',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'evaluationLead',
    },
    AMENDMENT: {
      kind: 'AMENDMENT',
      title: '启动修订程序',
      party: 'DRAFTING_UNIT',
      holders: DRAFTER,
      periodKey: 'drafterStepPeriod',
    },
  },
});
