import type { UpdateDefinition } from '@temporalio/common';
import { refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import { ErrorCode, type Actor, missingMaterials, type Material, Role } from '@lawgate/domain';

type CheckArgs = { taskId: string; complete: boolean; missing?: string[]; note: string; actor: Actor };

export interface MaterialsCheckOptions<S extends string, Snap> {
  update: UpdateDefinition<Snap, [CheckArgs]>;
  stage: S;
  required: readonly Material[];
  /** Where complete materials go (the review, whose clock starts now) and where incomplete ones go back to. */
  complete: S;
  incomplete: S;
  enter: (stage: S) => Promise<void>;
}

/** Refuses a step while a material of `required` is missing, naming each. */
export function requireMaterials<S extends string, Snap>(
  p: ProcedureRun<S, Snap>,
  required: readonly Material[],
  message: (missing: string) => string,
): void {
  const missing = missingMaterials(required, p.documents);
  if (missing.length > 0) refuse(ErrorCode.RuleViolation, message(missing.join('、')));
}

/** The reviewing body's check that the materials are complete before its clock starts, written once. */
export function materialsCheck<S extends string, Snap>(
  p: ProcedureRun<S, Snap>,
  o: MaterialsCheckOptions<S, Snap>,
): void {
  p.step(o.update, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAffairsOfficer],
        'an officer of the legal-affairs office',
        'check the review materials',
      );
      p.requireStage(o.stage, 'The materials check');
      p.requireTask(args.taskId);
      if (args.complete) requireMaterials(p, o.required, (m) => `The materials are not complete: ${m} missing.`);
      else if (!args.missing || args.missing.length === 0) {
        refuse(ErrorCode.RuleViolation, 'Say which materials are missing, so the drafting unit can supply them.');
      }
    },
    run: async (args) => {
      const next = args.complete ? o.complete : o.incomplete;
      await p.sign({
        taskId: args.taskId,
        decision: args.complete ? 'MATERIALS_COMPLETE' : 'MATERIALS_INCOMPLETE',
        opinion: args.complete ? args.note : `${args.note}\n缺少：${(args.missing ?? []).join('、')}`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        sha256: p.documents.DRAFT!.sha256,
        next,
      });
      await o.enter(next);
    },
  });
}
