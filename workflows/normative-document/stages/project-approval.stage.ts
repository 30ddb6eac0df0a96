import { patched, upsertSearchAttributes } from '@temporalio/workflow';
import { acts, watchDeadline } from '../../activity-proxies';
import type { Nd } from '../context';
import {
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NormativeDocumentStage as Stage,
  decideProjectApprovalUpdate,
  type ProcedureStatus,
  ErrorCode,
  OrgUnitKind,
  Role,
  DueTimeAttr,
} from '@lawgate/domain';
import { refuse } from '../../activity-proxies';

/** B1 立项: the legal-affairs office approves or rejects the project application. */
export function projectApproval({ p, requireOfficer }: Nd): void {
  p.step(decideProjectApprovalUpdate, {
    check: (args) => {
      requireOfficer(args.actor, 'decide a project application');
      if (p.stage !== Stage.ProjectApproval) {
        refuse(
          ErrorCode.WrongStage,
          `The procedure is in stage ${p.stage}; the project application can only be decided in stage ${Stage.ProjectApproval}.`,
        );
      }
      if (p.busy) refuse(ErrorCode.TaskClosed, 'A decision on this task is being recorded already.');
      if (args.taskId !== p.openTaskId) {
        refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not the open project-approval task of this procedure.`);
      }
      if (args.decision === 'REJECTED' && args.opinion.trim().length === 0) {
        refuse(ErrorCode.RuleViolation, 'A rejection needs a written opinion giving the reasons.');
      }
    },
    run: async (args) => {
      const approved = args.decision === 'APPROVED';
      const status: ProcedureStatus = approved ? 'ACTIVE' : 'REJECTED';
      await p.sign({
        taskId: args.taskId,
        decision: args.decision,
        opinion: args.opinion,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        sha256: null,
        next: approved ? Stage.Drafting : Stage.Rejected,
        status,
      });
    },
  });
}

/**
 * Opens the project-approval task at start. Its deadline timers run in line (procedures started before they existed
 * run without them), so this returns once the task is closed.
 */
export async function openProjectApproval(nd: Nd): Promise<void> {
  const { p, input } = nd;
  const task = await acts.openTask({
    procedureId: input.procedureId,
    workflowId: p.workflowId,
    stage: Stage.ProjectApproval,
    round: 1,
    kind: 'PROJECT_APPROVAL',
    title: `立项审批：${input.title}`,
    legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[Stage.ProjectApproval],
    assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
    period: nd.given.projectApprovalPeriod,
  });
  p.openTaskId = task.taskId;
  p.dueAt = task.dueAt;
  if (task.dueAt) upsertSearchAttributes([{ key: DueTimeAttr, value: new Date(task.dueAt) }]);
  p.settled = true;
  if (patched('project-approval-deadline-timers') && task.dueAt) {
    await watchDeadline(
      task.taskId,
      Date.parse(task.dueAt),
      nd.given.reminderLeadSeconds ?? 24 * 3600,
      () => p.openTaskId === task.taskId,
      () => (p.overdue = true),
    );
  }
}
