import type { ProcedureContext } from '../kernel/procedure-context';
import type {
  Actor,
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
}

/** One running major decision: the kernel run, the shared steps and its own state, handed to each stage. */
export interface Md extends ProcedureContext<Stage, Snap, MajorDecisionInput, MajorDecisionPolicy, LegalityOpinion> {
  cls: ScopeClassification;
  s: MdState;
  /** Moves to the next stage this matter needs (skipping conditional ones) and opens it. */
  advance: () => Promise<void>;
  requireUndertaker: (actor: Actor, what: string) => void;
  /** Names an article of Decree 713 in a refusal. */
  A: (article: string) => string;
}
