import { ActivityFailure } from '@temporalio/workflow';
import { acts, refuse } from '../../activity-proxies';
import { OFFICE } from '../../kernel/procedure-run';
import { OFFICER, type Nd } from '../context';
import {
  EVALUATION_DECISIONS,
  ErrorCode,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NormativeDocumentStage as Stage,
  Role,
  addDays,
  amendmentTookEffectUpdate,
  cite,
  cstDateOf,
  decideEvaluationUpdate,
  linkAmendmentUpdate,
  setEffectiveDateUpdate,
  validUntilOf,
  validityYearsFor,
  type Actor,
  type Period,
  type ProcedureSnapshot,
} from '@lawgate/domain';

const DAY_MS = 24 * 3600 * 1000;
/** From drafting until publication (a date found too early at publication can still be moved, or its reason given). */
const EFFECTIVE_DATE_STAGES: readonly string[] = [
  Stage.Drafting,
  Stage.FairCompetitionReview,
  Stage.PublicComment,
  Stage.OwnLegalityCheck,
  Stage.MaterialsCheck,
  Stage.LegalityReview,
  Stage.Revision,
  Stage.Deliberation,
  Stage.Registration,
  Stage.Publication,
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether this procedure counts its periods in seconds (tests and demonstrations): instants stand for dates then. */
function inSeconds(nd: Nd): boolean {
  return nd.policy.earliestEffectiveAfter.unit === 'SECONDS' || nd.policy.validitySeconds !== undefined;
}

/** The instant a date (start of that day, China Standard Time) or an instant (seconds policies only) stands for. */
function startOf(nd: Nd, value: string): number {
  if (DATE.test(value)) return Date.parse(`${value}T00:00:00+08:00`);
  return inSeconds(nd) ? Date.parse(value) : NaN;
}

/** The instant a validity's last day (end of that day, CST) or an instant (seconds policies only) ends. */
function endOf(nd: Nd, value: string): number {
  if (DATE.test(value)) return Date.parse(`${value}T24:00:00+08:00`);
  return inSeconds(nd) ? Date.parse(value) : NaN;
}

function add(ms: number, period: Period): number {
  return ms + period.amount * (period.unit === 'SECONDS' ? 1000 : DAY_MS);
}

/** The earliest effective instant the policy allows after publication at `publishedMs` (a day's start for days). */
function earliestEffective(nd: Nd, publishedMs: number): number {
  const gap = nd.policy.earliestEffectiveAfter;
  if (gap.unit === 'SECONDS') return add(publishedMs, gap);
  return startOf(nd, addDays(cstDateOf(new Date(publishedMs)), gap.amount));
}

/** The end of `years` of validity counted from `fromMs` (the last day's end, CST), or the test policy's seconds. */
function validityEnd(nd: Nd, fromMs: number, years: number): number {
  if (nd.policy.validitySeconds) return fromMs + nd.policy.validitySeconds * 1000;
  return endOf(nd, validUntilOf(new Date(fromMs), years));
}

/** The register's last day of an end instant. */
const lastDay = (endMs: number) => cstDateOf(new Date(endMs - 1));

/** A validity end the document or the evaluation states: after `fromMs`, within the policy's maximum. */
function checkValidUntil(nd: Nd, value: string, fromMs: number, what: string): number {
  const endMs = endOf(nd, value);
  if (Number.isNaN(endMs)) {
    refuse(ErrorCode.ValidationFailed, `${what} must be a date (YYYY-MM-DD), not "${value}".`);
  }
  const max = nd.policy.maxValidityYears;
  if (endMs <= fromMs || endMs > validityEnd(nd, fromMs, max)) {
    refuse(
      ErrorCode.RuleViolation,
      `${what} must fall after its start and within ${max} years of it (${cite('GB37/shorter-validity')}).`,
    );
  }
  return endMs;
}

function requireEffectiveGap(nd: Nd, effectiveMs: number, publishedMs: number, reason: string | null): void {
  if (effectiveMs < earliestEffective(nd, publishedMs) && !reason?.trim()) {
    const gap = nd.policy.earliestEffectiveAfter;
    refuse(
      ErrorCode.RuleViolation,
      `The effective date (施行日期) is, as a rule, at least ${gap.amount} ${gap.unit.toLowerCase()} after ` +
        `publication (${cite('GB37/effective-date')}): set a later date or record why it takes effect earlier.`,
    );
  }
}

/** At publication (G-B10, B12): the effective date is the drafter's or the earliest the policy allows. */
export function checkEffectiveDateAt(nd: Nd, publishedMs: number): void {
  const v = nd.s.validity;
  if (v.effectiveDate) requireEffectiveGap(nd, startOf(nd, v.effectiveDate), publishedMs, v.earlyEffectReason);
}

/** Sets the validity on publication: effective date, end, and the register's record of both. */
export async function applyValidity(nd: Nd, publishedAt: string, actor: Actor): Promise<void> {
  const { p, s, input } = nd;
  const v = s.validity;
  const publishedMs = Date.parse(publishedAt);
  const effectiveMs = v.effectiveDate ? startOf(nd, v.effectiveDate) : earliestEffective(nd, publishedMs);
  const years = validityYearsFor(input.title, {
    defaultValidityYears: nd.policy.defaultValidityYears,
    provisionalValidityYears: nd.policy.provisionalValidityYears,
  });
  const endMs = v.validUntil ? endOf(nd, v.validUntil) : validityEnd(nd, effectiveMs, years);
  s.publishedBy = actor;
  v.effectiveAt = new Date(effectiveMs).toISOString();
  v.expiresAt = new Date(endMs).toISOString();
  s.expiresAt = v.expiresAt;
  await acts.setRegisterValidity({
    registerEntryId: nd.registration.record!.registerEntryId,
    effectiveAt: v.effectiveAt,
    validUntil: lastDay(endMs),
    reason: v.effectiveDate ? `施行日期 ${v.effectiveDate}（起草单位确定）` : `施行日期为公布后最早可施行之日`,
    actor,
    idempotencyKey: `${p.workflowId}:validity`,
  });
}

/** Opens the task that asks the drafting department to start the amendment procedure, linked to this document. */
export async function openAmendment(
  nd: Nd,
  source: 'EVALUATION' | 'CLEANUP',
  campaignId: string | null,
  reason: string,
): Promise<void> {
  const { p, input, s } = nd;
  const task = await acts.openTask({
    procedureId: input.procedureId,
    workflowId: p.workflowId,
    stage: Stage.InForce,
    round: p.nextRound(Stage.InForce),
    kind: 'AMENDMENT',
    title: `启动修订程序：${input.title}（${nd.registration.record!.number}）`,
    legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[Stage.InForce],
    assignTo: { unitId: input.departmentId },
    period: nd.policy.drafterStepPeriod,
  });
  s.amendment = { source, campaignId, reason, taskId: task.taskId, procedureId: null, workflowId: null };
}

/** B12: the drafter's effective date, the evaluation's decision, and the amendment's link and effect. */
export function validitySteps(nd: Nd): void {
  const { p, s, input } = nd;
  p.step(setEffectiveDateUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'set the effective date');
      if (!EFFECTIVE_DATE_STAGES.includes(p.stage)) {
        refuse(
          ErrorCode.WrongStage,
          `The effective date is set from drafting until publication; the procedure is in stage ${p.stage}.`,
        );
      }
      const effectiveMs = startOf(nd, args.effectiveDate ?? '');
      if (Number.isNaN(effectiveMs)) {
        refuse(
          ErrorCode.ValidationFailed,
          `The effective date must be a date (YYYY-MM-DD), not "${args.effectiveDate}".`,
        );
      }
      if (args.validUntil !== undefined) checkValidUntil(nd, args.validUntil, effectiveMs, 'The validity it states');
      requireEffectiveGap(nd, effectiveMs, Date.now(), args.earlyEffectReason ?? null);
    },
    run: async (args) => {
      const reason = args.earlyEffectReason?.trim() || null;
      const v = s.validity;
      v.effectiveDate = args.effectiveDate;
      v.validUntil = args.validUntil ?? null;
      v.earlyEffectReason = reason;
      await p.sign({
        taskId: null,
        decision: 'EFFECTIVE_DATE_SET',
        opinion: `施行日期：${args.effectiveDate}${args.validUntil ? `；有效期至 ${args.validUntil}` : ''}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      if (reason) {
        await p.recordDiscretion({
          rule: 'EARLY_EFFECT',
          basis: cite('GB37/effective-date'),
          decision: `施行日期 ${args.effectiveDate} 早于公布后最早可施行之日`,
          reason,
          actor: args.actor,
          role: Role.Drafter,
        });
      }
    },
  });

  p.step(decideEvaluationUpdate, {
    check: (args) => {
      nd.requireOfficer(args.actor, 'decide the evaluation before expiry');
      p.requireStage(Stage.InForce, 'The evaluation before expiry');
      if (!s.evaluationTaskId || args.taskId !== s.evaluationTaskId) {
        refuse(ErrorCode.TaskClosed, 'No evaluation before expiry is open under this task.');
      }
      if (!EVALUATION_DECISIONS.includes(args.decision)) {
        refuse(ErrorCode.ValidationFailed, `The decision must be one of ${EVALUATION_DECISIONS.join(', ')}.`);
      }
      p.requireText(args.reason, `The evaluation states its findings and why (${cite('GB37/evaluation')}).`);
      if (args.decision === 'CONTINUE' && args.validUntil !== undefined) {
        checkValidUntil(nd, args.validUntil, Date.parse(s.expiresAt!), 'The new validity');
      }
      if (args.decision === 'AMEND' && s.amendment) {
        refuse(ErrorCode.WrongStage, 'An amendment of this document is already under way.');
      }
    },
    run: async (args) => {
      const taskId = s.evaluationTaskId;
      s.evaluationTaskId = null;
      if (args.decision === 'CONTINUE') {
        const fromMs = Date.parse(s.expiresAt!);
        const years = nd.policy.defaultValidityYears;
        const endMs = args.validUntil ? endOf(nd, args.validUntil) : validityEnd(nd, fromMs, years);
        await acts.setRegisterValidity({
          registerEntryId: nd.registration.record!.registerEntryId,
          effectiveAt: null,
          validUntil: lastDay(endMs),
          reason: `评估后继续施行：${args.reason}`,
          actor: args.actor,
          idempotencyKey: `${p.workflowId}:continue:${s.validity.continuations.length + 1}`,
        });
        await p.sign({
          taskId,
          decision: 'EVALUATED_CONTINUE',
          opinion: `继续施行，有效期至 ${lastDay(endMs)}：${args.reason}`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
        });
        s.expiresAt = new Date(endMs).toISOString();
        s.validity.expiresAt = s.expiresAt;
        s.validity.continuations.push({ validUntil: lastDay(endMs), decidedAt: new Date().toISOString() });
        s.validityRound += 1;
        return;
      }
      await p.sign({
        taskId,
        decision: `EVALUATED_${args.decision}`,
        opinion: `${args.decision === 'AMEND' ? '修改' : '有效期届满失效'}：${args.reason}`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
      });
      if (args.decision === 'AMEND') await openAmendment(nd, 'EVALUATION', null, args.reason);
      else s.letExpire = true;
    },
  });

  p.step(linkAmendmentUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'start the amendment of its document');
      p.requireStage(Stage.InForce, 'Starting the amendment');
      if (!s.amendment) {
        refuse(ErrorCode.RuleViolation, `No amendment of this document was decided (${cite('GB37/evaluation')}).`);
      }
      if (s.amendment.procedureId) {
        refuse(ErrorCode.WrongStage, `The amendment procedure ${s.amendment.procedureId} is already under way.`);
      }
      p.requireText(args.procedureId, 'Name the amendment procedure.');
    },
    run: async (args) => {
      const amendment = s.amendment!;
      await p.sign({
        taskId: amendment.taskId,
        decision: 'AMENDMENT_STARTED',
        opinion: `修订程序 ${args.procedureId} 已启动；本文件在修订后的文件施行前继续有效`,
        actor: args.actor,
        role: Role.Drafter,
      });
      amendment.taskId = null;
      amendment.procedureId = args.procedureId;
      amendment.workflowId = args.workflowId;
    },
  });

  p.step(amendmentTookEffectUpdate, {
    check: (args) => {
      p.requireRole(args.actor, OFFICER.roles, OFFICER.name, 'record that the amendment took effect');
      p.requireStage(Stage.InForce, 'The replacement by the amendment');
      if (!s.amendment?.procedureId || s.amendment.procedureId !== args.procedureId) {
        refuse(ErrorCode.RuleViolation, 'This document is amended by no such procedure.');
      }
    },
    run: async (args) => {
      const reason = `由修订后的${args.number}替代（${args.effectiveAt} 起施行）`;
      await acts.setRegisterStatus({
        registerEntryId: nd.registration.record!.registerEntryId,
        status: 'REPLACED',
        reason,
        actor: args.actor,
        replacedByEntryId: args.registerEntryId,
        idempotencyKey: `${p.workflowId}:replaced`,
      });
      await p.sign({
        taskId: null,
        decision: 'REPLACED',
        opinion: reason,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        next: Stage.Replaced,
        status: 'ENDED',
      });
      await acts.endProcedure({
        procedureId: input.procedureId,
        workflowId: p.workflowId,
        stage: Stage.Replaced,
        status: 'ENDED',
        actor: args.actor,
        action: 'procedure.replaced',
        reason,
        idempotencyKey: p.updateKey('replaced'),
      });
    },
  });
}

/** Opens the evaluation before expiry (a task of the office that only a decision closes). */
export async function openEvaluation(nd: Nd, period: Period): Promise<void> {
  const { p, s, input } = nd;
  const task = await acts.openTask({
    procedureId: input.procedureId,
    workflowId: p.workflowId,
    stage: Stage.InForce,
    round: p.nextRound(Stage.InForce),
    kind: 'EVALUATION',
    title: `有效期届满前评估：${input.title}（${nd.registration.record!.number}）`,
    legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[Stage.InForce],
    assignTo: OFFICE,
    period,
  });
  s.evaluationTaskId = task.taskId;
}

/** An amendment procedure, once in force: at its effective date it replaces the document it amends. */
export async function replacePredecessor(nd: Nd, actor: Actor): Promise<void> {
  nd.s.predecessorReplaced = true;
  try {
    await replaceAmended(nd, actor);
  } catch (err) {
    // Refused by the amended document (it ended otherwise meanwhile): this document stays in force all the same.
    if (!(err instanceof ActivityFailure)) throw err;
  }
}

function replaceAmended(nd: Nd, actor: Actor) {
  const { p, s, input } = nd;
  const amends = input.amends!;
  return acts.replaceAmendedDocument({
    amendedWorkflowId: amends.workflowId,
    procedureId: input.procedureId,
    registerEntryId: nd.registration.record!.registerEntryId,
    number: nd.registration.record!.number,
    effectiveAt: s.validity.effectiveAt!,
    actor,
    updateId: `${p.workflowId}:replaces:${amends.procedureId}`,
  });
}

/** What the snapshot shows of the issuer, filings, validity, evaluation and amendment. */
export function validityView(nd: Nd): Partial<ProcedureSnapshot> {
  const { s, input } = nd;
  return {
    issuer: s.issuer,
    filings: s.filings ? s.filings.map((f) => ({ ...f })) : undefined,
    validity: { ...s.validity, continuations: [...s.validity.continuations] },
    evaluationTaskId: s.evaluationTaskId,
    amendment: s.amendment ? { ...s.amendment } : null,
    amends: input.amends ?? null,
  };
}
