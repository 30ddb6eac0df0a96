import { Role } from '../../roles';
import { articleOf } from '../../legal-bases';
import { defineProcedure, type Party, type PeriodKey, type StageSpec } from '../kernel/procedure-definition';
import {
  MAJOR_DECISION_STAGE_BASIS as BASIS,
  MAJOR_DECISION_WORKFLOW_TYPE,
  MajorDecisionStage as Stage,
  type MajorDecisionInput,
  type MajorDecisionPolicy,
} from '../major-decision.contract';

/** Task kinds of the major-decision procedure (the `task.kind` column). */
export type MajorDecisionTaskKind =
  | 'MD_LAUNCH'
  | 'MD_DRAFTING'
  | 'MD_CONSULTATION'
  | 'MD_PUBLIC_PARTICIPATION'
  | 'MD_EXPERTS'
  | 'MD_RISK'
  | 'MD_SUBMIT_LEGALITY'
  | 'MD_LEGALITY_REVIEW'
  | 'MD_LEGALITY_REVISION'
  | 'MD_ADVISER_OPINION'
  | 'MD_MEETING_PACKAGE'
  | 'MD_MEETING'
  | 'MD_PARTY_REPORT'
  | 'MD_PUBLICATION'
  | 'MD_REGISTRATION'
  | 'MD_ARCHIVE';

type Spec = StageSpec<Stage, MajorDecisionTaskKind, MajorDecisionInput, PeriodKey<MajorDecisionPolicy>>;

const UNDERTAKER = [Role.Drafter] as const;
const OFFICER = [Role.LegalAffairsOfficer] as const;
const LEADER = [Role.Leader] as const;
const ORGAN = [Role.Leader, Role.LegalAffairsOfficer] as const;

/** A stage of the undertaking unit (决策承办单位): it adds document versions and its step is due in its step period. */
function undertaker(
  stage: Stage,
  zh: string,
  en: string,
  task: MajorDecisionTaskKind,
  waitingFor: Spec['waitingFor'],
  runs: Spec['runs'] = { kind: 'ALWAYS' },
): Spec {
  return {
    stage,
    name: { zh, en },
    basis: BASIS[stage],
    runs,
    party: 'DRAFTING_UNIT',
    roles: UNDERTAKER,
    entryTask: task,
    tasks: [task],
    periodKey: 'undertakerStepPeriod',
    upload: true,
    drafting: stage === Stage.Drafting,
    waitingFor,
    onTimeline: true,
  };
}

/** A stage of the decision organ or the legal-affairs office, due in the organ's step period. */
function organ(
  stage: Stage,
  zh: string,
  en: string,
  party: Party,
  roles: readonly Role[],
  task: MajorDecisionTaskKind,
  waitingFor: string,
  runs: Spec['runs'] = { kind: 'ALWAYS' },
): Spec {
  return {
    stage,
    name: { zh, en },
    basis: BASIS[stage],
    runs,
    party,
    roles,
    entryTask: task,
    tasks: [task],
    periodKey: 'organStepPeriod',
    upload: false,
    drafting: false,
    waitingFor: { default: waitingFor },
    onTimeline: true,
  };
}

/**
 * The major administrative decision procedure (重大行政决策, 国务院令第713号, regulations.md §1.2, A1–A16) as data.
 * Expert argumentation, risk assessment and (dual track) registration run only when the start classification says
 * so; the workflow (`majorDecisionWorkflow`) runs it; the API and the web app read it.
 */
export const MAJOR_DECISION_DEFINITION = defineProcedure<
  Stage,
  MajorDecisionTaskKind,
  MajorDecisionInput,
  MajorDecisionPolicy
>({
  type: 'MAJOR_DECISION',
  workflowType: MAJOR_DECISION_WORKFLOW_TYPE,
  workflowIdPrefix: 'major-decision',
  name: { zh: '重大行政决策', en: 'Major decision' },
  uploadWindow: 'from drafting to the meeting package',
  initialStage: Stage.ScopeClassification,
  stages: [
    {
      stage: Stage.ScopeClassification,
      name: { zh: '决策事项范围认定', en: 'Scope classification' },
      basis: BASIS[Stage.ScopeClassification],
      runs: { kind: 'ALWAYS' },
      party: 'DRAFTING_UNIT',
      roles: [Role.Drafter, Role.Leader],
      entryTask: null,
      tasks: [],
      periodKey: null,
      upload: false,
      drafting: false,
      waitingFor: { default: '决策事项范围界定' },
      onTimeline: true,
    },
    {
      stage: Stage.Launch,
      name: { zh: '决策启动', en: 'Launch' },
      basis: BASIS[Stage.Launch],
      runs: { kind: 'ALWAYS' },
      party: 'GOVERNMENT',
      roles: LEADER,
      entryTask: 'MD_LAUNCH',
      tasks: ['MD_LAUNCH'],
      periodKey: 'launchPeriod',
      upload: false,
      drafting: false,
      waitingFor: { default: '决策机关作出启动决定并确定决策承办单位' },
      onTimeline: true,
    },
    undertaker(Stage.Drafting, '起草', 'Drafting', 'MD_DRAFTING', {
      default: '决策承办单位拟订决策草案（一个或多个方案）',
    }),
    undertaker(Stage.Consultation, '部门协商', 'Inter-agency consultation', 'MD_CONSULTATION', {
      default: '决策承办单位与有关部门协商（无共识时报送争议说明）',
    }),
    {
      ...undertaker(Stage.PublicParticipation, '公众参与', 'Public participation', 'MD_PUBLIC_PARTICIPATION', {
        default: '决策承办单位公开征求意见',
        windowOpen: '公开征求意见，至 {closesAt} 截止',
        answering: '逐条答复公众意见',
      }),
      step: 'COMMENT_WINDOW',
    },
    undertaker(
      Stage.ExpertArgumentation,
      '专家论证',
      'Expert argumentation',
      'MD_EXPERTS',
      { default: '组织专家论证，收取签名的书面论证意见' },
      {
        kind: 'INPUT',
        description: `专业性、技术性较强的决策事项（${articleOf('D713/19')}），经启动决策的领导确认`,
        test: (input: MajorDecisionInput) => input.classification.professional,
      },
    ),
    undertaker(
      Stage.RiskAssessment,
      '风险评估',
      'Risk assessment',
      'MD_RISK',
      {
        default: '开展风险评估，形成风险评估报告',
        uncontrollable: `风险不可控：调整决策草案后重新评估（${articleOf('D713/24')}）`,
      },
      {
        kind: 'INPUT',
        description: `可能对社会稳定、公共安全等方面造成不利影响的决策事项（${articleOf('D713/22')}），经启动决策的领导确认`,
        test: (input: MajorDecisionInput) => input.classification.riskFlagged,
      },
    ),
    {
      ...undertaker(Stage.LegalityReview, '合法性审查', 'Legality review', 'MD_SUBMIT_LEGALITY', {
        default: '决策承办单位报送合法性审查',
        reviewing: '负责合法性审查的部门（司法局）出具审查意见（组织法律顾问、公职律师提出法律意见）',
        revising: '合法性审查意见为 {conclusion}：修改草案后重新报送审查',
      }),
      step: 'LEGALITY_REVIEW',
      tasks: ['MD_SUBMIT_LEGALITY', 'MD_LEGALITY_REVIEW', 'MD_ADVISER_OPINION', 'MD_LEGALITY_REVISION'],
    },
    undertaker(Stage.MeetingPackage, '提交审议材料', 'Meeting package', 'MD_MEETING_PACKAGE', {
      default: '决策承办单位提交审议材料',
    }),
    {
      ...organ(
        Stage.CollectiveDiscussion,
        '集体讨论决定',
        'Collective discussion',
        'GOVERNMENT',
        LEADER,
        'MD_MEETING',
        '政府常务会议或者全体会议讨论，行政首长最后发表意见并作出决定',
      ),
      step: 'DELIBERATION',
    },
    organ(
      Stage.PartyReport,
      '向党委请示报告',
      'Report to the Party committee',
      'GOVERNMENT',
      LEADER,
      'MD_PARTY_REPORT',
      '向同级党委请示报告',
    ),
    {
      ...organ(
        Stage.Registration,
        '统一登记编号',
        'Registration',
        'LEGAL_AFFAIRS_OFFICE',
        OFFICER,
        'MD_REGISTRATION',
        '规范性文件统一登记、统一编号',
        {
          kind: 'INPUT',
          description: '决策同时是行政规范性文件（双轨）',
          test: (input: MajorDecisionInput) => input.classification.alsoNormativeDocument,
        },
      ),
      step: 'REGISTRATION',
    },
    {
      ...organ(Stage.Publication, '决策公布', 'Publication', 'GOVERNMENT', ORGAN, 'MD_PUBLICATION', '决策公布'),
      step: 'PUBLICATION',
    },
    organ(Stage.Archive, '决策归档', 'Archive', 'LEGAL_AFFAIRS_OFFICE', OFFICER, 'MD_ARCHIVE', '决策档案归档'),
    {
      stage: Stage.Execution,
      name: { zh: '决策执行与评估', en: 'Execution and evaluation' },
      basis: BASIS[Stage.Execution],
      runs: { kind: 'ALWAYS' },
      party: 'DRAFTING_UNIT',
      roles: [Role.Drafter, Role.Leader, Role.LegalAffairsOfficer],
      entryTask: null,
      tasks: [],
      periodKey: null,
      upload: false,
      drafting: false,
      waitingFor: { default: '决策执行（执行情况报告、决策后评估）' },
      onTimeline: true,
    },
    {
      stage: Stage.Suspended,
      name: { zh: '中止执行', en: 'Suspended' },
      basis: BASIS[Stage.Suspended],
      runs: { kind: 'OUTCOME', description: `行政首长在紧急情况下中止执行（${articleOf('D713/37')}）` },
      party: 'GOVERNMENT',
      roles: LEADER,
      entryTask: null,
      tasks: [],
      periodKey: null,
      upload: false,
      drafting: false,
      waitingFor: { default: '决策已中止执行：恢复执行或者启动调整程序' },
      onTimeline: false,
    },
  ],
  terminal: [
    {
      stage: Stage.OutOfScope,
      name: { zh: '不属于重大行政决策', en: 'Out of scope' },
      basis: BASIS[Stage.OutOfScope],
    },
    { stage: Stage.NotLaunched, name: { zh: '不予启动', en: 'Not launched' }, basis: BASIS[Stage.NotLaunched] },
    { stage: Stage.NotAdopted, name: { zh: '未通过', en: 'Not adopted' }, basis: BASIS[Stage.NotAdopted] },
    { stage: Stage.Closed, name: { zh: '已结束', en: 'Closed' }, basis: BASIS[Stage.Closed] },
  ],
  tasks: {
    MD_LAUNCH: {
      kind: 'MD_LAUNCH',
      title: '决策启动',
      party: 'GOVERNMENT',
      holders: LEADER,
      periodKey: 'launchPeriod',
    },
    MD_DRAFTING: u('MD_DRAFTING', '拟订决策草案'),
    MD_CONSULTATION: u('MD_CONSULTATION', '征求有关部门意见'),
    MD_PUBLIC_PARTICIPATION: u('MD_PUBLIC_PARTICIPATION', '公众参与'),
    MD_EXPERTS: u('MD_EXPERTS', '专家论证'),
    MD_RISK: u('MD_RISK', '风险评估'),
    MD_SUBMIT_LEGALITY: u('MD_SUBMIT_LEGALITY', '报送合法性审查'),
    // The office gives the review (Art 28); procedures started before routed it to an adviser, who still holds it.
    MD_LEGALITY_REVIEW: {
      kind: 'MD_LEGALITY_REVIEW',
      title: '合法性审查',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: [Role.LegalAffairsOfficer, Role.LegalAdviser],
      periodKey: 'legalityReviewPeriod',
    },
    MD_ADVISER_OPINION: {
      kind: 'MD_ADVISER_OPINION',
      title: '法律顾问、公职律师法律意见',
      party: 'LEGAL_ADVISER',
      holders: [Role.LegalAdviser],
      periodKey: 'legalityReviewPeriod',
      routed: true,
    },
    MD_LEGALITY_REVISION: u('MD_LEGALITY_REVISION', '根据合法性审查意见修改草案'),
    MD_MEETING_PACKAGE: u('MD_MEETING_PACKAGE', '提交审议材料'),
    MD_MEETING: o('MD_MEETING', '集体讨论决定', 'GOVERNMENT', LEADER),
    MD_PARTY_REPORT: o('MD_PARTY_REPORT', '向同级党委请示报告', 'GOVERNMENT', LEADER),
    MD_PUBLICATION: o('MD_PUBLICATION', '决策公布', 'GOVERNMENT', ORGAN),
    MD_REGISTRATION: o('MD_REGISTRATION', '统一登记、统一编号', 'LEGAL_AFFAIRS_OFFICE', OFFICER),
    MD_ARCHIVE: o('MD_ARCHIVE', '决策档案归档', 'LEGAL_AFFAIRS_OFFICE', OFFICER),
  },
});

function u<K extends MajorDecisionTaskKind>(kind: K, title: string) {
  return { kind, title, party: 'DRAFTING_UNIT', holders: UNDERTAKER, periodKey: 'undertakerStepPeriod' } as const;
}

function o<K extends MajorDecisionTaskKind>(kind: K, title: string, party: Party, holders: readonly Role[]) {
  return { kind, title, party, holders, periodKey: 'organStepPeriod' } as const;
}
