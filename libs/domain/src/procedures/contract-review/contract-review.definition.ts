import { Role } from '../../roles';
import { defineProcedure, type PeriodKey, type StageSpec } from '../kernel/procedure-definition';
import {
  CONTRACT_REVIEW_STAGE_BASIS as BASIS,
  CONTRACT_REVIEW_WORKFLOW_TYPE,
  ContractReviewStage as Stage,
  type ContractReviewInput,
  type ContractReviewPolicy,
} from './contract-review.contract';

/** Task kinds of the government contract legality review. */
export type ContractReviewTaskKind = 'CR_SUBMIT' | 'CR_REVIEW' | 'CR_REVISION' | 'CR_SIGN' | 'CR_FILING' | 'CR_EXPIRY';

type PK = PeriodKey<ContractReviewPolicy>;
type Spec = StageSpec<Stage, ContractReviewTaskKind, ContractReviewInput, PK>;
const UNIT = [Role.Drafter] as const;
const REVIEWERS = [Role.LegalAdviser, Role.LegalAffairsOfficer] as const;

function unitStage(
  stage: Stage,
  zh: string,
  en: string,
  task: ContractReviewTaskKind | null,
  periodKey: PK | null,
  waitingFor: string,
  o: Partial<Spec> = {},
): Spec {
  return {
    stage,
    name: { zh, en },
    basis: BASIS[stage],
    runs: { kind: 'ALWAYS' },
    party: 'DRAFTING_UNIT',
    roles: UNIT,
    entryTask: task,
    tasks: task ? [task] : [],
    periodKey,
    upload: false,
    drafting: false,
    waitingFor: { default: waitingFor },
    onTimeline: true,
    ...o,
  };
}

/**
 * The legality review of a government contract or administrative agreement (政府合同 / 行政协议合法性审查, domain
 * reference §2.3, D1–D10, gates G-D1…G-D5) as data; `contractReviewWorkflow` runs it.
 */
export const CONTRACT_REVIEW_DEFINITION = defineProcedure<
  Stage,
  ContractReviewTaskKind,
  ContractReviewInput,
  ContractReviewPolicy
>({
  type: 'CONTRACT_REVIEW',
  workflowType: CONTRACT_REVIEW_WORKFLOW_TYPE,
  workflowIdPrefix: 'contract-review',
  // The review's conclusions as the ledger records them (`CONTRACT_REVIEW_<conclusion>`): 通过, 修改.
  reviewOutcomes: {
    concluded: ['CONTRACT_REVIEW_PASS', 'CONTRACT_REVIEW_REVISE'],
    passed: ['CONTRACT_REVIEW_PASS'],
    returned: ['CONTRACT_REVIEW_REVISE'],
  },
  name: { zh: '政府合同合法性审查', en: 'Government contract review' },
  uploadWindow: 'while drafting or revising, and the signed text at signing',
  initialStage: Stage.Submission,
  stages: [
    unitStage(
      Stage.Submission,
      '送审',
      'Submission',
      'CR_SUBMIT',
      'unitStepPeriod',
      '合同承办单位提交合同草案及依据、相对人资信、金额、期限',
      {
        upload: true,
        drafting: true,
      },
    ),
    {
      ...unitStage(
        Stage.LegalityReview,
        '合法性审查',
        'Legality review',
        'CR_REVIEW',
        'reviewPeriod',
        '法律顾问或司法局按审查要点出具书面意见',
      ),
      party: 'LEGAL_ADVISER',
      roles: REVIEWERS,
      step: 'LEGALITY_REVIEW',
    },
    unitStage(
      Stage.Signing,
      '签订',
      'Signing',
      'CR_SIGN',
      'unitStepPeriod',
      '按审查通过的文本签订（签署文本须与审查文本一致）',
      { upload: true },
    ),
    unitStage(Stage.Filing, '备案', 'Filing', 'CR_FILING', 'filingPeriod', '签订后在规定期限内报送备案', {
      step: 'REGISTRATION',
    }),
    unitStage(Stage.Performance, '履行', 'Performance', null, null, '履行节点、付款期限、到期提醒', {
      tasks: ['CR_EXPIRY'],
    }),
    unitStage(Stage.Revision, '修改', 'Revision', 'CR_REVISION', 'unitStepPeriod', '根据审查意见修改合同后重新送审', {
      runs: { kind: 'OUTCOME', description: '审查意见要求修改' },
      upload: true,
      drafting: true,
      onTimeline: false,
      step: 'REVISION',
    }),
  ],
  terminal: [
    { stage: Stage.Completed, name: { zh: '履行完毕', en: 'Completed' }, basis: BASIS[Stage.Completed] },
    { stage: Stage.Abandoned, name: { zh: '未签订', en: 'Not signed' }, basis: BASIS[Stage.Abandoned] },
  ],
  tasks: {
    CR_SUBMIT: {
      kind: 'CR_SUBMIT',
      title: '提交合同合法性审查',
      party: 'DRAFTING_UNIT',
      holders: UNIT,
      periodKey: 'unitStepPeriod',
    },
    CR_REVIEW: {
      kind: 'CR_REVIEW',
      title: '政府合同合法性审查',
      party: 'LEGAL_ADVISER',
      holders: REVIEWERS,
      periodKey: 'reviewPeriod',
      routed: true,
    },
    CR_REVISION: {
      kind: 'CR_REVISION',
      title: '根据审查意见修改合同',
      party: 'DRAFTING_UNIT',
      holders: UNIT,
      periodKey: 'unitStepPeriod',
    },
    CR_SIGN: { kind: 'CR_SIGN', title: '签订合同', party: 'DRAFTING_UNIT', holders: UNIT, periodKey: 'unitStepPeriod' },
    CR_FILING: {
      kind: 'CR_FILING',
      title: '合同备案',
      party: 'DRAFTING_UNIT',
      holders: UNIT,
      periodKey: 'filingPeriod',
    },
    CR_EXPIRY: { kind: 'CR_EXPIRY', title: '合同即将到期', party: 'DRAFTING_UNIT', holders: UNIT, periodKey: null },
  },
});
