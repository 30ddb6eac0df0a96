import type { ProcedureContext } from '../kernel/procedure-context';
import type {
  LegalBasisKey,
  Actor,
  AdviserInputRecord,
  ClassificationConfirmation,
  ExpertRecord,
  HearingRecord,
  LegalityOpinion,
  MajorDecisionInput,
  MajorDecisionPolicy,
  MajorDecisionSnapshot,
  MajorDecisionStage,
  MeetingMinutes,
  PublicationRecord,
  RiskReport,
  ScopeClassification,
} from '@lawgate/domain';

export type Stage = MajorDecisionStage;
export type Snap = MajorDecisionSnapshot;

/** The records of one round of the statutory steps; an adjustment (Art 37) starts a fresh round. */
export interface MdRound {
  options: { label: string; sha256: string }[];
  consultation: MajorDecisionSnapshot['consultation'];
  hearing: HearingRecord | null;
  experts: ExpertRecord[];
  expertAdoption: string | null;
  risk: RiskReport | null;
  /** The draft version rated uncontrollable: a re-rating needs a different (adjusted) draft (Art 24). */
  uncontrollableSha: string | null;
  minutes: MeetingMinutes | null;
  partyReport: MajorDecisionSnapshot['partyReport'];
  publication: PublicationRecord | null;
  archived: boolean;
  /** Advisers' opinions the legality-review office requested in this round (Art 28). */
  adviserInputs: AdviserInputRecord[];
  /** Public participation ended without an open consultation, by a recorded decision (Art 14). */
  withoutOpenConsultation: boolean;
}

export function freshRound(): MdRound {
  return {
    options: [],
    consultation: null,
    hearing: null,
    experts: [],
    expertAdoption: null,
    risk: null,
    uncontrollableSha: null,
    minutes: null,
    partyReport: null,
    publication: null,
    archived: false,
    adviserInputs: [],
    withoutOpenConsultation: false,
  };
}

/** What a major decision keeps beside the kernel's state and the shared steps' own. */
export interface MdState {
  undertakingUnitId: string | null;
  leadUnitId: string | null;
  executionReports: MajorDecisionSnapshot['executionReports'];
  evaluations: MajorDecisionSnapshot['evaluations'];
  suspension: MajorDecisionSnapshot['suspension'];
  warnings: string[];
  r: MdRound;
  /** The launching leader's confirmation of the classification flags (null before the launch, or in older runs). */
  classificationConfirmation: ClassificationConfirmation | null;
}

/** One running major decision: the kernel run, the shared steps and its own state, handed to each stage. */
export interface Md extends ProcedureContext<Stage, Snap, MajorDecisionInput, MajorDecisionPolicy, LegalityOpinion> {
  cls: ScopeClassification;
  s: MdState;
  /** Moves to the next stage this matter needs (skipping conditional ones) and opens it. */
  advance: () => Promise<void>;
  requireUndertaker: (actor: Actor, what: string) => void;
  /** The legal-affairs office gives the legality-review opinion (Art 28); false in procedures started before. */
  officeReviews: boolean;
  /** A decision that is also a normative document is registered and numbered before publication (false before). */
  registerFirst: boolean;
  /** The launching leader confirms the classification flags and the meeting checks its quorum (false before). */
  confirmsFlags: boolean;
  /** Names the basis of a refusal, from the table of legal bases. */
  A: (...keys: [LegalBasisKey, ...LegalBasisKey[]]) => string;
}
