import { patched, upsertSearchAttributes } from '@temporalio/workflow';
import { acts, watchDeadline } from '../../activity-proxies';
import type { Nd } from '../context';
import {
  cite,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  type DecideProjectApprovalArgs,
  NormativeDocumentStage as Stage,
  decideProjectApprovalUpdate,
  type ProcedureStatus,
  ErrorCode,
  OrgUnitKind,
  Role,
  DueTimeAttr,
} from '@lawgate/domain';
import { refuse } from '../../activity-proxies';

const DECLARATION_BASIS = cite('FCR/2', 'FCR/14', 'OBE/62');

/**
 * The office's word on the drafter's business declaration: confirmed as made unless the approval corrects it, and
 * a correction needs its reason (it decides the comment period and whether the fair-competition review runs).
 */
function declarationOf(nd: Nd, args: DecideProjectApprovalArgs): { confirmed: boolean; reason: string | null } {
  const declared = nd.input.application.touchesBusiness;
  const given = args.businessDeclaration;
  if (!given || given.touchesBusiness === declared) return { confirmed: declared, reason: null };
  const reason = given.reason?.trim();
  if (!reason) {
    refuse(
      ErrorCode.RuleViolation,
      `The drafter declared that the document ${declared ? 'touches' : 'does not touch'} business activity ` +
        `(涉及经营者经济活动); correcting the declaration needs the reason, since it decides the comment period and ` +
        `the fair-competition review (${DECLARATION_BASIS}).`,
    );
  }
  return { confirmed: given.touchesBusiness, reason };
}

const yesNo = (v: boolean) => (v ? '涉及' : '不涉及');

/** B1 立项: the legal-affairs office approves or rejects the project application. */
export function projectApproval(nd: Nd): void {
  const { p, requireOfficer } = nd;
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
      if (nd.confirmsDeclaration && args.decision === 'APPROVED') declarationOf(nd, args);
    },
    run: async (args) => {
      const approved = args.decision === 'APPROVED';
      const status: ProcedureStatus = approved ? 'ACTIVE' : 'REJECTED';
      let opinion = args.opinion;
      if (nd.confirmsDeclaration && approved) {
        const declared = nd.input.application.touchesBusiness;
        const { confirmed, reason } = declarationOf(nd, args);
        nd.s.touchesBusiness = confirmed;
        nd.s.businessDeclaration = { declared, confirmed, confirmedBy: args.actor.userId, reason };
        opinion +=
          `\n经营者经济活动申报：起草单位申报${yesNo(declared)}，司法局` +
          (reason ? `更正为${yesNo(confirmed)}（理由：${reason}）` : `确认${yesNo(confirmed)}`) +
          `（${DECLARATION_BASIS}）`;
      }
      await p.sign({
        taskId: args.taskId,
        decision: args.decision,
        opinion,
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
