import { Role } from '../../roles';
import { defineProcedure, type Party, type PeriodKey, type StageSpec } from '../kernel/procedure-definition';
import {
  ENFORCEMENT_REVIEW_STAGE_BASIS as BASIS,
  ENFORCEMENT_REVIEW_WORKFLOW_TYPE,
  EnforcementReviewStage as Stage,
  type EnforcementReviewInput,
  type EnforcementReviewPolicy,
} from './enforcement-review.contract';

/** Task kinds of the major enforcement decision review (the `task.kind` column). */
export type EnforcementReviewTaskKind =
  | 'ER_SUBMIT'
  | 'ER_INTAKE'
  | 'ER_SUPPLEMENT'
  | 'ER_REVIEW'
  | 'ER_REWORK'
  | 'ER_COLLECTIVE'
  | 'ER_DECISION'
  | 'ER_TRANSFER_DECISION'
  | 'ER_TRANSFER'
  | 'ER_DISCLOSURE'
  | 'ER_WITHDRAWAL';

type PK = PeriodKey<EnforcementReviewPolicy>;
type Spec = StageSpec<Stage, EnforcementReviewTaskKind, EnforcementReviewInput, PK>;

const CASE_UNIT = [Role.Drafter] as const;
const REVIEWER = [Role.LegalAffairsOfficer] as const;
const HEAD = [Role.Leader] as const;

function stage(
  s: Stage,
  zh: string,
  en: string,
  party: Party,
  roles: readonly Role[],
  task: EnforcementReviewTaskKind | null,
  periodKey: PK | null,
  waitingFor: Spec['waitingFor'],
  o: Partial<Pick<Spec, 'runs' | 'upload' | 'drafting' | 'step' | 'tasks' | 'onTimeline'>> = {},
): Spec {
  return {
    stage: s,
    name: { zh, en },
    basis: BASIS[s],
    runs: o.runs ?? { kind: 'ALWAYS' },
    party,
    roles,
    entryTask: task,
    tasks: o.tasks ?? (task ? [task] : []),
    periodKey,
    upload: o.upload ?? false,
    drafting: o.drafting ?? false,
    waitingFor,
    onTimeline: o.onTimeline ?? true,
    ...(o.step ? { step: o.step } : {}),
  };
}

const outcome = (description: string) => ({ runs: { kind: 'OUTCOME' as const, description } });

/**
 * The legal review of a major law-enforcement decision (重大执法决定法制审核; 国办发〔2018〕118号 (十一)–(十四);
 * 行政处罚法 Arts 57–58; domain reference §1.3, C1–C12) as data. The workflow (`enforcementReviewWorkflow`) runs it;
 * the API and the web app read it. Review-body tasks go to the department's own legal review unit, or to the
 * legal-affairs office where the department has none.
 */
export const ENFORCEMENT_REVIEW_DEFINITION = defineProcedure<
  Stage,
  EnforcementReviewTaskKind,
  EnforcementReviewInput,
  EnforcementReviewPolicy
>({
  type: 'ENFORCEMENT_REVIEW',
  workflowType: ENFORCEMENT_REVIEW_WORKFLOW_TYPE,
  workflowIdPrefix: 'enforcement-review',
  name: { zh: '重大执法决定法制审核', en: 'Major enforcement decision review' },
  uploadWindow: 'while the case is prepared, supplemented or reworked, and before the decision',
  // The review's conclusions as the ledger records them (`REVIEW_<conclusion>`): 同意, 存在问题, 移送.
  reviewOutcomes: {
    concluded: ['REVIEW_AGREE', 'REVIEW_PROBLEMS', 'REVIEW_TRANSFER'],
    passed: ['REVIEW_AGREE'],
    returned: ['REVIEW_PROBLEMS'],
  },
  initialStage: Stage.CasePreparation,
  stages: [
    stage(
      Stage.CasePreparation,
      '送审',
      'Case submission',
      'DRAFTING_UNIT',
      CASE_UNIT,
      'ER_SUBMIT',
      'caseUnitStepPeriod',
      { default: '承办机构提交送审材料（案件事实、证据、法律依据、裁量基准、拟作决定、听证笔录）' },
      { upload: true, drafting: true },
    ),
    stage(
      Stage.Intake,
      '接收审查',
      'Intake check',
      'LEGAL_AFFAIRS_OFFICE',
      REVIEWER,
      'ER_INTAKE',
      'intakePeriod',
      { default: '法制审核机构审查送审材料是否齐全（材料齐全后起算审核期限）' },
      { step: 'MATERIALS_CHECK' },
    ),
    stage(
      Stage.LegalReview,
      '法制审核',
      'Legal review',
      'LEGAL_AFFAIRS_OFFICE',
      REVIEWER,
      'ER_REVIEW',
      'reviewPeriod',
      {
        default: '法制审核机构出具书面审核意见（同意／存在问题／涉嫌犯罪移送）',
        extension: '审核期限延长申请待 {approver} 批准',
      },
      { step: 'LEGALITY_REVIEW' },
    ),
    stage(
      Stage.CollectiveDiscussion,
      '集体讨论',
      'Collective discussion',
      'GOVERNMENT',
      HEAD,
      'ER_COLLECTIVE',
      'decisionPeriod',
      { default: '行政机关负责人集体讨论决定' },
      {
        ...outcome('情节复杂或者重大违法行为（第五十七条第二款），或行业规定全部集体讨论'),
        step: 'DELIBERATION',
        upload: true,
      },
    ),
    stage(
      Stage.Decision,
      '作出决定',
      'Decision',
      'GOVERNMENT',
      HEAD,
      'ER_DECISION',
      'decisionPeriod',
      { default: '行政机关负责人根据审核通过的版本作出决定' },
      { upload: true },
    ),
    stage(
      Stage.Disclosure,
      '公示',
      'Disclosure',
      'DRAFTING_UNIT',
      CASE_UNIT,
      'ER_DISCLOSURE',
      'disclosurePeriod',
      { default: '在法定工作日内公示执法决定（许可、处罚7个工作日，其他20个工作日）' },
      { step: 'PUBLICATION' },
    ),
    stage(Stage.Disclosed, '已公示', 'Disclosed', 'DRAFTING_UNIT', CASE_UNIT, null, null, {
      default: '案卷归档；决定被撤销或变更时撤回公示',
    }),
    stage(
      Stage.MaterialsSupplement,
      '补充材料',
      'Supplementing materials',
      'DRAFTING_UNIT',
      CASE_UNIT,
      'ER_SUPPLEMENT',
      'supplementPeriod',
      { default: '承办机构补充材料（补充期间不计入审核期限）' },
      { ...outcome('送审材料不齐全'), upload: true, drafting: true, onTimeline: false },
    ),
    stage(
      Stage.Rework,
      '退回修改',
      'Rework',
      'DRAFTING_UNIT',
      CASE_UNIT,
      'ER_REWORK',
      'caseUnitStepPeriod',
      { default: '审核意见为存在问题：承办机构逐项处理后重新送审（新版本）' },
      { ...outcome('审核意见为存在问题'), upload: true, drafting: true, onTimeline: false },
    ),
    stage(
      Stage.CrimeTransfer,
      '移送审批',
      'Transfer approval',
      'GOVERNMENT',
      HEAD,
      'ER_TRANSFER_DECISION',
      'transferDecisionPeriod',
      { default: '负责人自接到移送报告之日起3日内决定是否移送' },
      { ...outcome('审核建议作为涉嫌犯罪案件移送'), onTimeline: false },
    ),
    stage(
      Stage.TransferExecution,
      '移送',
      'Transfer',
      'DRAFTING_UNIT',
      CASE_UNIT,
      'ER_TRANSFER',
      'transferExecutionPeriod',
      { default: '批准移送后24小时内向公安机关移送' },
      { ...outcome('负责人批准移送'), onTimeline: false },
    ),
    stage(
      Stage.DisclosureWithdrawal,
      '撤回公示',
      'Disclosure withdrawal',
      'DRAFTING_UNIT',
      CASE_UNIT,
      'ER_WITHDRAWAL',
      'withdrawalPeriod',
      { default: '决定被撤销或变更：3个工作日内撤回公示信息' },
      { ...outcome('决定被撤销、确认违法或者确认无效'), onTimeline: false },
    ),
  ],
  terminal: [
    { stage: Stage.Transferred, name: { zh: '已移送司法机关', en: 'Transferred' }, basis: BASIS[Stage.Transferred] },
    { stage: Stage.Closed, name: { zh: '已归档', en: 'Closed' }, basis: BASIS[Stage.Closed] },
    { stage: Stage.Revoked, name: { zh: '已撤销并撤回公示', en: 'Revoked' }, basis: BASIS[Stage.Revoked] },
  ],
  tasks: {
    ER_SUBMIT: {
      kind: 'ER_SUBMIT',
      title: '提交法制审核',
      party: 'DRAFTING_UNIT',
      holders: CASE_UNIT,
      periodKey: 'caseUnitStepPeriod',
    },
    ER_INTAKE: {
      kind: 'ER_INTAKE',
      title: '审核材料接收',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'intakePeriod',
    },
    ER_SUPPLEMENT: {
      kind: 'ER_SUPPLEMENT',
      title: '补充送审材料',
      party: 'DRAFTING_UNIT',
      holders: CASE_UNIT,
      periodKey: 'supplementPeriod',
    },
    ER_REVIEW: {
      kind: 'ER_REVIEW',
      title: '重大执法决定法制审核',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: REVIEWER,
      periodKey: 'reviewPeriod',
    },
    ER_REWORK: {
      kind: 'ER_REWORK',
      title: '根据审核意见修改后重新送审',
      party: 'DRAFTING_UNIT',
      holders: CASE_UNIT,
      periodKey: 'caseUnitStepPeriod',
    },
    ER_COLLECTIVE: {
      kind: 'ER_COLLECTIVE',
      title: '负责人集体讨论',
      party: 'GOVERNMENT',
      holders: HEAD,
      periodKey: 'decisionPeriod',
    },
    ER_DECISION: {
      kind: 'ER_DECISION',
      title: '作出执法决定',
      party: 'GOVERNMENT',
      holders: HEAD,
      periodKey: 'decisionPeriod',
    },
    ER_TRANSFER_DECISION: {
      kind: 'ER_TRANSFER_DECISION',
      title: '决定是否移送涉嫌犯罪案件',
      party: 'GOVERNMENT',
      holders: HEAD,
      periodKey: 'transferDecisionPeriod',
    },
    ER_TRANSFER: {
      kind: 'ER_TRANSFER',
      title: '向公安机关移送',
      party: 'DRAFTING_UNIT',
      holders: CASE_UNIT,
      periodKey: 'transferExecutionPeriod',
    },
    ER_DISCLOSURE: {
      kind: 'ER_DISCLOSURE',
      title: '公示执法决定',
      party: 'DRAFTING_UNIT',
      holders: CASE_UNIT,
      periodKey: 'disclosurePeriod',
    },
    ER_WITHDRAWAL: {
      kind: 'ER_WITHDRAWAL',
      title: '撤回公示信息',
      party: 'DRAFTING_UNIT',
      holders: CASE_UNIT,
      periodKey: 'withdrawalPeriod',
    },
  },
});
