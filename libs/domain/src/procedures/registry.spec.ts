import { Role } from '../roles';
import {
  holderRolesOf,
  isTerminalStage,
  nextStageFor,
  timelineOf,
  uploadStagesOf,
  waitingText,
} from './kernel/procedure-definition';
import {
  MAJOR_DECISION_STAGE_BASIS,
  MAJOR_DECISION_STAGE_ORDER,
  MAJOR_DECISION_TERMINAL_STAGES,
  MD_DOCUMENT_UPLOAD_STAGES,
  MajorDecisionStage,
  type MajorDecisionInput,
} from './major-decision.contract';
import {
  DOCUMENT_UPLOAD_STAGES,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NORMATIVE_DOCUMENT_STAGE_ORDER,
  NormativeDocumentStage,
  TERMINAL_STAGES,
  type NormativeDocumentInput,
} from './normative-document.contract';
import { PROCEDURE_TYPES } from './procedure-type';
import { PROCEDURES, procedureDefinition } from './registry';

describe('procedure definitions', () => {
  it('should have one definition per procedure type, under its own type code', () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual([...PROCEDURE_TYPES].sort());
    for (const type of PROCEDURE_TYPES) expect(PROCEDURES[type].type).toBe(type);
    expect(procedureDefinition('CLEANUP')).toBeUndefined();
  });

  it('should give the statutory order, upload stages, bases and terminal stages the contracts state', () => {
    const nd = PROCEDURES.NORMATIVE_DOCUMENT;
    expect(timelineOf(nd)).toEqual(NORMATIVE_DOCUMENT_STAGE_ORDER);
    expect(uploadStagesOf(nd)).toEqual(DOCUMENT_UPLOAD_STAGES);
    for (const s of nd.stages) expect(s.basis).toBe(NORMATIVE_DOCUMENT_STAGE_BASIS[s.stage]);
    expect(nd.terminal.map((t) => t.stage).sort()).toEqual([...TERMINAL_STAGES].sort());
    const md = PROCEDURES.MAJOR_DECISION;
    expect(timelineOf(md)).toEqual(MAJOR_DECISION_STAGE_ORDER);
    expect(uploadStagesOf(md)).toEqual(MD_DOCUMENT_UPLOAD_STAGES);
    for (const s of md.stages) expect(s.basis).toBe(MAJOR_DECISION_STAGE_BASIS[s.stage]);
    expect(md.terminal.map((t) => t.stage).sort()).toEqual([...MAJOR_DECISION_TERMINAL_STAGES].sort());
    expect(isTerminalStage(md, MajorDecisionStage.Closed)).toBe(true);
    expect(isTerminalStage(md, MajorDecisionStage.Suspended)).toBe(false);
  });

  it('should skip conditional stages the start input does not need', () => {
    const cls = { professional: false, riskFlagged: true, alsoNormativeDocument: false };
    const md = { classification: cls } as unknown as MajorDecisionInput;
    const def = PROCEDURES.MAJOR_DECISION;
    expect(nextStageFor(def, MajorDecisionStage.PublicParticipation, md)).toBe(MajorDecisionStage.RiskAssessment);
    expect(nextStageFor(def, MajorDecisionStage.PartyReport, md)).toBe(MajorDecisionStage.Publication);
    expect(nextStageFor(def, MajorDecisionStage.Publication, md)).toBe(MajorDecisionStage.Archive);
    // A decision that is also a normative document is registered and numbered before it is published.
    const dual = { classification: { ...cls, alsoNormativeDocument: true } } as unknown as MajorDecisionInput;
    expect(nextStageFor(def, MajorDecisionStage.PartyReport, dual)).toBe(MajorDecisionStage.Registration);
    expect(nextStageFor(def, MajorDecisionStage.Registration, dual)).toBe(MajorDecisionStage.Publication);
    expect(nextStageFor(def, MajorDecisionStage.Publication, dual)).toBe(MajorDecisionStage.Archive);
    expect(nextStageFor(def, MajorDecisionStage.Execution, md)).toBeUndefined();

    const nd = (touchesBusiness: boolean) => ({ application: { touchesBusiness } }) as NormativeDocumentInput;
    const ndDef = PROCEDURES.NORMATIVE_DOCUMENT;
    expect(nextStageFor(ndDef, NormativeDocumentStage.Drafting, nd(true))).toBe('FAIR_COMPETITION_REVIEW');
    expect(nextStageFor(ndDef, NormativeDocumentStage.Drafting, nd(false))).toBe('PUBLIC_COMMENT');
    // Revision is entered only after an opinion of 不合法 or 应当予以修改.
    expect(nextStageFor(ndDef, NormativeDocumentStage.LegalityReview, nd(false))).toBe('DELIBERATION');
  });

  it('should name who may hold each task kind', () => {
    expect(holderRolesOf(PROCEDURES.NORMATIVE_DOCUMENT, 'PROJECT_APPROVAL')).toEqual([Role.LegalAffairsOfficer]);
    expect(holderRolesOf(PROCEDURES.NORMATIVE_DOCUMENT, 'ADVISER_OPINION')).toEqual([Role.LegalAdviser]);
    expect(holderRolesOf(PROCEDURES.MAJOR_DECISION, 'MD_MEETING')).toEqual([Role.Leader]);
    expect(holderRolesOf(PROCEDURES.MAJOR_DECISION, 'PROJECT_APPROVAL')).toBeUndefined();
  });

  it('should fill the waiting-for text of a stage variant', () => {
    const def = PROCEDURES.NORMATIVE_DOCUMENT;
    expect(waitingText(def, 'PUBLIC_COMMENT', 'windowOpen', { closesAt: '2026-12-01' })).toBe(
      '公开征求意见，至 2026-12-01 截止',
    );
    expect(waitingText(def, 'PUBLIC_COMMENT', 'unknown')).toBe('起草单位发布征求意见稿');
    expect(waitingText(def, 'IN_FORCE')).toBeNull();
  });
});
