import type { LawGateActivities } from '../../activities';
import { type Actor, type LegalBasis, OrgUnitKind, type Role, type RunStatus } from '@lawgate/domain';

// The shapes the procedure-run kernel (procedure-run.ts) takes and gives, re-exported from there.

export type AssignTo = { unitId: string } | { unitKind: OrgUnitKind } | { unitCode: string };
export type LedgerRef = { ledgerSeq: string; hash: string };
export type RecordDecision = LawGateActivities['recordDecision'];
export type RegisterInput = Parameters<LawGateActivities['registerProcedure']>[0];

/** Who acts for the legal-affairs office and the government, as task assignees. */
export const OFFICE: AssignTo = { unitKind: OrgUnitKind.LegalAffairsOffice };
export const GOVERNMENT: AssignTo = { unitKind: OrgUnitKind.Government };

/** What a procedure tells the kernel about itself when it starts. */
export interface RunSpec<S extends string> {
  /** Procedure type code (search attribute, read model). */
  type: string;
  /** The start input's identity of the procedure. */
  input: { procedureId: string; title: string; departmentCode: string };
  /** The first stage, the stages in which the procedure has ended, and each stage's legal basis. */
  stages: { initial: S; terminal: readonly S[]; basis: Record<S, LegalBasis> };
  reminderLeadSeconds: () => number;
  /** How a refusal tells a person that a step belongs to another stage. */
  wrongStage: (expected: S, what: string) => string;
  /** Records a sign-off in the ledger (a procedure may keep an older way for histories started before a change). */
  recordDecision: RecordDecision;
  /** Idempotency keys outside an update name the adjustment round too (procedures that re-run their steps). */
  roundInKeys?: boolean;
}

/** One signed step, as the catalog's progress report reads it. */
export interface SignedStep {
  stage: string;
  round: number;
  decision: string;
  actorName: string;
  at: string;
}

export interface SignOff<S extends string> {
  taskId: string | null;
  decision: string;
  opinion: string;
  actor: Actor;
  role: Role;
  /** The text signed (defaults to the current draft). */
  sha256?: string | null;
  /** Moves the procedure there once signed. */
  next?: S;
  status?: RunStatus;
}
