import { hasRole, useAuth } from '../../auth';
import { DrafterSteps } from '../../pages/DrafterSteps';
import { OfficerProcedureSteps } from '../../pages/OfficerSteps';
import type { Task } from '../../api/types';
import type { ProcedurePanelProps } from '../procedure-panel';
import { FilingsView } from './FilingsView';
import { TaskForms } from './TaskForms';
import { AmendmentStart, EFFECTIVE_DATE_STAGES, EffectiveDateForm } from './ValiditySteps';

/** The normative-document steps on the procedure page: the open tasks I hold, the drafter's and the office's steps. */
export function NormativeDocumentSteps({
  detail,
  live,
  stage,
  documents,
  ownDrafter,
  focusTask,
  onDone,
  onSigned,
}: ProcedurePanelProps) {
  const { user } = useAuth();
  const mine = (task: Task) =>
    task.assigneeUserId === user?.userId ||
    task.delegateUserId === user?.userId ||
    task.assigneeUnitId === user?.unitId;
  return (
    <>
      {detail.tasks
        .filter((task) => task.status === 'OPEN' && mine(task))
        .map((task) => (
          <TaskForms
            key={task.id}
            task={task}
            live={live}
            focused={task.id === focusTask}
            onDone={onDone}
            onSigned={onSigned}
          />
        ))}
      {ownDrafter && live && <DrafterSteps procedureId={detail.id} live={live} documents={documents} onDone={onDone} />}
      {ownDrafter && live && EFFECTIVE_DATE_STAGES.includes(live.stage) && (
        <EffectiveDateForm live={live} onDone={onDone} />
      )}
      {ownDrafter && live && stage === 'IN_FORCE' && <AmendmentStart live={live} />}
      {(detail.filings ?? []).length > 0 && <FilingsView filings={detail.filings} />}
      {hasRole(user, 'LEGAL_AFFAIRS_OFFICER') && ['IN_FORCE', 'PUBLICATION'].includes(stage) && (
        <OfficerProcedureSteps procedureId={detail.id} live={live} onDone={onDone} />
      )}
    </>
  );
}
