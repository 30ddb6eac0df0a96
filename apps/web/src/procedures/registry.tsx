import { type ProcedureType, isProcedureType } from '@lawgate/domain';
import { ContractReviewPanel } from './contract-review/ContractReviewPanel';
import { FilingReviewPanel } from './filing-review/FilingReviewPanel';
import { EnforcementReviewPanel } from './enforcement-review/EnforcementReviewPanel';
import { MajorDecisionPanel } from './major-decision/MajorDecisionPanel';
import { NormativeDocumentSteps } from './normative-document/NormativeDocumentSteps';
import type { WebProcedure } from './procedure-panel';

/**
 * Each procedure type's pieces in the web app: one line per procedure. A type in `PROCEDURE_TYPES` without an entry
 * here is a compile error (`registry.typecheck.ts` shows it). Names and stages come from the domain definitions.
 */
export const WEB_PROCEDURES: Record<ProcedureType, WebProcedure> = {
  NORMATIVE_DOCUMENT: {
    color: '#b7282e',
    startPath: '/drafting',
    appliesTo: [
      '行政规范性文件（涉及公民、法人和其他组织权利义务，具有普遍约束力，反复适用）',
      'Administrative normative document (concerns the rights and duties of citizens, legal persons and other organisations, binds generally, applies repeatedly)',
    ],
    Steps: NormativeDocumentSteps,
    ownCommentStages: ['PUBLIC_COMMENT'],
  },
  MAJOR_DECISION: {
    color: '#1677ff',
    startPath: '/drafting/major-decisions/new',
    appliesTo: [
      '重大行政决策（涉及重大公共利益或社会公众切身利益，列入年度决策事项目录或经认定的事项）',
      'Major administrative decision (touches major public interest or the public’s vital interests; listed in the annual catalog or so determined)',
    ],
    Steps: MajorDecisionPanel,
    ownCommentStages: [],
  },
  ENFORCEMENT_REVIEW: {
    color: '#d46b08',
    startPath: '/drafting/enforcement-reviews/new',
    appliesTo: [
      '重大执法决定法制审核（列入本部门重大执法决定目录清单或符合法定情形的执法决定，作出决定前）',
      'Legal review of a major enforcement decision (listed in the department catalog or on a statutory ground, before the decision)',
    ],
    Steps: EnforcementReviewPanel,
    ownCommentStages: [],
  },
  CONTRACT_REVIEW: {
    color: '#13a8a8',
    startPath: '/drafting/contract-reviews/new',
    appliesTo: [
      '政府合同合法性审查（达到金额标准或属于应审查类型的政府合同、行政协议，签订前）',
      'Legality review of a government contract (above the threshold or of a listed kind, before signing)',
    ],
    Steps: ContractReviewPanel,
    ownCommentStages: [],
  },
  FILING_REVIEW: {
    color: '#722ed1',
    startPath: '/filing-reviews/new',
    appliesTo: [
      '规范性文件备案审查（部门、镇街制定的行政规范性文件，发布后报区政府备案）',
      'Filing review (normative documents of departments, towns and street offices, filed with the district government after publication)',
    ],
    Steps: FilingReviewPanel,
    ownCommentStages: [],
  },
};

export function webProcedureOf(type: string): WebProcedure | undefined {
  return isProcedureType(type) ? WEB_PROCEDURES[type] : undefined;
}
