import { GOVERNMENT, OFFICE, type AssignTo, type ProcedureRun } from './procedure-run';
import { type Period, stageSpec, type Party, type ProcedureDefinition } from '@lawgate/domain';

/**
 * Who holds a task of `party`: the drafting side's unit, the legal-affairs office or the government. A procedure may
 * name its own holder for a party (`holders`), e.g. a department's own legal review body instead of the office.
 */
export function holderOf(
  party: Party,
  draftingUnit: AssignTo,
  holders: Partial<Record<Party, AssignTo>> = {},
): AssignTo {
  const own = holders[party];
  if (own) return own;
  if (party === 'LEGAL_AFFAIRS_OFFICE') return OFFICE;
  if (party === 'GOVERNMENT') return GOVERNMENT;
  return draftingUnit;
}

/**
 * Opens the entry task the procedure's definition names for `stage` (kind, title, holder, period), with its deadline
 * timers. Stages without an entry task, and routed tasks (opened by their own step), open nothing here.
 */
export async function openEntryTask<S extends string, Snap, K extends string, I, P>(
  p: ProcedureRun<S, Snap>,
  def: ProcedureDefinition<S, K, I, string>,
  stage: S,
  policy: P,
  draftingUnit: AssignTo,
  holders: Partial<Record<Party, AssignTo>> = {},
): Promise<void> {
  const kind = stageSpec(def, stage)?.entryTask;
  if (!kind) return;
  const task = def.tasks[kind];
  if (task.routed || task.periodKey === null) return;
  const period = (policy as Record<string, Period>)[task.periodKey];
  await p.openStageTask(task.kind, task.title, holderOf(task.party, draftingUnit, holders), period);
}
