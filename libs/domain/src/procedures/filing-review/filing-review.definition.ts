import { Role } from '../../roles';
import { defineProcedure, usualStage, type PeriodKey, type StageSpec } from '../kernel/procedure-definition';
import {
  FILING_REVIEW_STAGE_BASIS as BASIS,
  FILING_REVIEW_WORKFLOW_TYPE,
  FilingReviewStage as Stage,
  type FilingReviewInput,
  type FilingReviewPolicy,
} from './filing-review.contract';

/** Task kinds of the filing review. */
export type FilingReviewTaskKind =
  'FR_FOLLOW_UP' | 'FR_REGISTER' | 'FR_SUPPLEMENT' | 'FR_REVIEW' | 'FR_MAKER_RESPONSE' | 'FR_GOVERNMENT';

type PK = PeriodKey<FilingReviewPolicy>;
type Spec = StageSpec<Stage, FilingReviewTaskKind, FilingReviewInput, PK>;
const ISSUER = [Role.Drafter] as const;
const OFFICE = [Role.LegalAffairsOfficer] as const;

function stage(
  s: Stage,
  name: [string, string],
  party: Spec['party'],
  task: FilingReviewTaskKind | null,
  periodKey: PK | null,
  waitingFor: string,
  o: Partial<Spec> = {},
): Spec {
  const roles = party === 'DRAFTING_UNIT' ? ISSUER : party === 'GOVERNMENT' ? [Role.Leader] : OFFICE;
  const base = { stage: s, name: { zh: name[0], en: name[1] }, basis: BASIS[s], party, roles, periodKey, waitingFor };
  return usualStage({ ...base, entryTask: task }, o);
}

/**
 * The filing review of normative documents on the receiving side (规范性文件备案审查, domain reference §3, E1–E9, gates
 * G-E1…G-E5) as data; `filingReviewWorkflow` runs it. The issuer is the drafting side; the office registers and
 * reviews; the government decides on an escalation.
 */
export const FILING_REVIEW_DEFINITION = defineProcedure<
  Stage,
  FilingReviewTaskKind,
  FilingReviewInput,
  FilingReviewPolicy
>({
  type: 'FILING_REVIEW',
  workflowType: FILING_REVIEW_WORKFLOW_TYPE,
  workflowIdPrefix: 'filing-review',
  name: { zh: '规范性文件备案审查', en: 'Filing review' },
  uploadWindow: 'while the filing is expected, supplemented or corrected',
  initialStage: Stage.AwaitingFiling,
  stages: [
    stage(
      Stage.AwaitingFiling,
      ['报送备案', 'Filing'],
      'DRAFTING_UNIT',
      null,
      'filingPeriod',
      '制定机关在发布之日起规定期限内报送备案（备案报告、文本、起草说明、制定依据）',
      {
        upload: true,
        tasks: ['FR_FOLLOW_UP'],
        waitingFor: {
          default: '制定机关在发布之日起规定期限内报送备案（备案报告、文本、起草说明、制定依据）',
          overdue: '逾期未报送备案：备案审查机构督促报送（通知限期报送、通报、责令限期改正）',
        },
      },
    ),
    stage(
      Stage.Registration,
      ['登记', 'Registration'],
      'LEGAL_AFFAIRS_OFFICE',
      'FR_REGISTER',
      'registrationPeriod',
      '备案审查机构登记、不予登记或暂缓登记',
    ),
    stage(
      Stage.Review,
      ['审查', 'Review'],
      'LEGAL_AFFAIRS_OFFICE',
      'FR_REVIEW',
      'reviewPeriod',
      '备案审查机构按审查标准审查并作出处理',
    ),
    stage(
      Stage.Supplement,
      ['暂缓登记补充材料', 'Supplement'],
      'DRAFTING_UNIT',
      'FR_SUPPLEMENT',
      'supplementPeriod',
      '制定机关在规定期限内补充材料',
      { runs: { kind: 'OUTCOME', description: '暂缓登记' }, upload: true, onTimeline: false },
    ),
    stage(
      Stage.MakerResponse,
      ['制定机关处理', 'Correction'],
      'DRAFTING_UNIT',
      'FR_MAKER_RESPONSE',
      'makerResponsePeriod',
      '制定机关自行修改或者废止，并在规定期限内报告处理情况',
      { runs: { kind: 'OUTCOME', description: '沟通纠正或者书面审查意见' }, upload: true, onTimeline: false },
    ),
    stage(
      Stage.GovernmentDecision,
      ['报请政府处理', 'Government decision'],
      'GOVERNMENT',
      'FR_GOVERNMENT',
      'governmentDecisionPeriod',
      '区政府依法改变或者撤销',
      { runs: { kind: 'OUTCOME', description: '制定机关不纠正，或者问题严重' }, onTimeline: false },
    ),
  ],
  terminal: [
    { stage: Stage.Filed, name: { zh: '审查通过（列入备案目录）', en: 'Filed' }, basis: BASIS[Stage.Filed] },
    { stage: Stage.NotRegistered, name: { zh: '不予登记', en: 'Not registered' }, basis: BASIS[Stage.NotRegistered] },
    { stage: Stage.Repealed, name: { zh: '制定机关废止', en: 'Repealed by issuer' }, basis: BASIS[Stage.Repealed] },
    { stage: Stage.Revoked, name: { zh: '政府改变或撤销', en: 'Changed or revoked' }, basis: BASIS[Stage.Revoked] },
  ],
  tasks: {
    FR_FOLLOW_UP: {
      kind: 'FR_FOLLOW_UP',
      title: '督促报送备案',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: OFFICE,
      periodKey: 'followUpPeriod',
    },
    FR_REGISTER: {
      kind: 'FR_REGISTER',
      title: '备案登记',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: OFFICE,
      periodKey: 'registrationPeriod',
    },
    FR_SUPPLEMENT: {
      kind: 'FR_SUPPLEMENT',
      title: '补充备案材料',
      party: 'DRAFTING_UNIT',
      holders: ISSUER,
      periodKey: 'supplementPeriod',
    },
    FR_REVIEW: {
      kind: 'FR_REVIEW',
      title: '备案审查',
      party: 'LEGAL_AFFAIRS_OFFICE',
      holders: OFFICE,
      periodKey: 'reviewPeriod',
    },
    FR_MAKER_RESPONSE: {
      kind: 'FR_MAKER_RESPONSE',
      title: '纠正并报告处理情况',
      party: 'DRAFTING_UNIT',
      holders: ISSUER,
      periodKey: 'makerResponsePeriod',
    },
    FR_GOVERNMENT: {
      kind: 'FR_GOVERNMENT',
      title: '改变或者撤销规范性文件',
      party: 'GOVERNMENT',
      holders: [Role.Leader],
      periodKey: 'governmentDecisionPeriod',
    },
  },
});
