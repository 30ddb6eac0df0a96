import type { ProcedureContext } from '../kernel/procedure-context';
import {
  Role,
  type Actor,
  type BusinessDeclarationRecord,
  type CleanupDecisionArgs,
  type FairCompetitionState,
  type DEFAULT_NORMATIVE_DOCUMENT_POLICY,
  type AmendmentView,
  type EmergencyCategory,
  type FilingView,
  type NormativeDocumentIssuer,
  type ValidityView,
  type FilingState,
  type GivenOpinion,
  type LegalityOpinionRecord,
  type NormativeDocumentInput,
  type NormativeDocumentPolicy,
  type NormativeDocumentStage,
  type PendingOpinion,
  type ProcedureSnapshot,
} from '@lawgate/domain';
import type { Revision } from '../steps/revision.step';

export type Stage = NormativeDocumentStage;
export type NdPolicy = typeof DEFAULT_NORMATIVE_DOCUMENT_POLICY;

/** What a normative document keeps beside the kernel's state and the shared steps' own. */
export interface NdState {
  pendingOpinion: PendingOpinion | null;
  opinions: GivenOpinion[];
  /** Ledger entry of the latest legality opinion (it goes into the filing package). */
  legalityOpinionEntry: { ledgerSeq: string; hash: string } | null;
  emergency: { category: EmergencyCategory; reason: string } | null;
  expertise: string[];
  publication: { channel: string; reference: string; publishedAt: string } | null;
  filing: { filingId: string; status: FilingState; dueAt: string | null } | null;
  filingTaskId: string | null;
  expiresAt: string | null;
  /** A clean-up review's repeal, carried out by the in-force loop. */
  cleanupRepeal: CleanupDecisionArgs | null;
  amendmentRequired: { campaignId: string; reason: string } | null;
  /** The business declaration as it stands: the drafter's, or as the legal-affairs office confirmed it. */
  touchesBusiness: boolean;
  /** The office's confirmation at project approval (null in procedures started before it was asked). */
  businessDeclaration: BusinessDeclarationRecord | null;
  /** The fair-competition reviews (null in procedures started before the market regulation review). */
  fcr: FairCompetitionState | null;
  /** Who issues the document (from the application): who deliberates and where it is filed. */
  issuer: NormativeDocumentIssuer;
  /** One filing per recipient the issuer requires (null in procedures that filed with one recipient). */
  filings: FilingView[] | null;
  validity: ValidityView;
  /** The evaluation before expiry, while it waits for its decision. */
  evaluationTaskId: string | null;
  /** Bumped when the validity changes (a continuation), so the in-force loop counts from the new end. */
  validityRound: number;
  /** The evaluation decided to let the document expire. */
  letExpire: boolean;
  amendment: AmendmentView | null;
  /** An amendment procedure: whether the document it amends was replaced already. */
  predecessorReplaced: boolean;
  /** The officer who recorded the publication (an amendment replaces its predecessor in their name). */
  publishedBy: Actor | null;
}

/** One running normative document: the kernel run, the shared steps and its own state, handed to each stage. */
export interface Nd extends ProcedureContext<
  Stage,
  ProcedureSnapshot,
  NormativeDocumentInput,
  NdPolicy,
  LegalityOpinionRecord
> {
  s: NdState;
  /** The policy as resolved at start (or as an older start carried it), before defaults fill what it lacks. */
  given: NormativeDocumentPolicy;
  revision: Revision<Stage, ProcedureSnapshot, LegalityOpinionRecord>;
  requireDrafter: (actor: Actor, what: string) => void;
  requireOfficer: (actor: Actor, what: string) => void;
  /** A stage and its legal basis, as refusals name them. */
  stageName: (stage: Stage) => string;
  /** The office confirms the business declaration at approval (false in procedures started before). */
  confirmsDeclaration: boolean;
}

/** Who acts in the office's and the government's steps, as refusals name them. */
export const OFFICER = { roles: [Role.LegalAffairsOfficer], name: 'an officer of the legal-affairs office' };
export const LEADER = { roles: [Role.Leader], name: 'a leader of the government' };
