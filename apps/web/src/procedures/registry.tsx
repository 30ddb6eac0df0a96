import { type ProcedureType, isProcedureType } from '@lawgate/domain';
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
};

export function webProcedureOf(type: string): WebProcedure | undefined {
  return isProcedureType(type) ? WEB_PROCEDURES[type] : undefined;
}
