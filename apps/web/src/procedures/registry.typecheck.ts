/**
 * Type-level check, compiled by `tsc -p apps/web/tsconfig.json` (not bundled): the web registry is a
 * `Record<ProcedureType, …>`, so a procedure type added to `PROCEDURE_TYPES` without a web entry fails to compile.
 */
import type { ProcedureType } from '@lawgate/domain';
import type { WebProcedure } from './procedure-panel';
import { WEB_PROCEDURES } from './registry';

type WithNewType = ProcedureType | 'GOVERNMENT_CONTRACT';

// @ts-expect-error the web registry has no GOVERNMENT_CONTRACT entry
export const withNewType: Record<WithNewType, WebProcedure> = WEB_PROCEDURES;

// @ts-expect-error a web registry that leaves out MAJOR_DECISION is refused
export const partial: Record<ProcedureType, WebProcedure> = { NORMATIVE_DOCUMENT: WEB_PROCEDURES.NORMATIVE_DOCUMENT };
