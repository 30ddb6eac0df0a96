import { refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import {
  ErrorCode,
  Role,
  type Actor,
  type FilingReviewInput,
  type FilingReviewPolicy,
  type FilingReviewSnapshot as Snap,
  type FilingReviewStage as S,
} from '@lawgate/domain';

/** What the filing review keeps beside the kernel's state. */
export interface FrState {
  filingDueAt: string | null;
  filedAt: string | null;
  late: boolean;
  followUps: Snap['followUps'];
  registrations: Snap['registrations'];
  opinions: Snap['opinions'];
  reports: Snap['reports'];
  governmentDecision: Snap['governmentDecision'];
  /** SHA-256 of each document when the issuer was last asked for something (a supplement or a correction). */
  askedOn: Record<string, string>;
}

/** What the stages of the filing review share. */
export interface Fr {
  p: ProcedureRun<S, Snap>;
  input: FilingReviewInput;
  s: FrState;
  policy: () => FilingReviewPolicy;
  enter: (stage: S) => Promise<void>;
}

/** Only the issuing organ (its drafters) files, supplements and reports. */
export function requireIssuer(input: FilingReviewInput, actor: Actor, what: string): void {
  if (!actor.roles.includes(Role.Drafter) || actor.unitId !== input.document.issuerUnitId) {
    refuse(ErrorCode.Forbidden, `Only the issuing organ (制定机关, ${input.document.issuerName}) can ${what}.`);
  }
}

/** Only the legal-affairs office (备案审查机构) registers, reviews and follows up. */
export function requireOffice(p: ProcedureRun<S, Snap>, actor: Actor, what: string): void {
  p.requireRole(actor, [Role.LegalAffairsOfficer], 'the legal-affairs office (备案审查机构)', what);
}

/** The documents as they stand, by kind: what the issuer was asked on, to see whether it has answered. */
export function documentShas(p: ProcedureRun<S, Snap>): Record<string, string> {
  return Object.fromEntries(Object.entries(p.documents).map(([kind, ref]) => [kind, ref.sha256]));
}

/** Kinds whose current version differs from the one the issuer was asked on. */
export function changedSince(p: ProcedureRun<S, Snap>, asked: Record<string, string>): string[] {
  return Object.entries(documentShas(p))
    .filter(([kind, sha]) => asked[kind] !== sha)
    .map(([kind]) => kind);
}
