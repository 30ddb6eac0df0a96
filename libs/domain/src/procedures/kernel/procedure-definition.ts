import type { LegalBasis, Period } from '../../periods';
import type { Role } from '../../roles';
import type { ProcedureType } from '../procedure-type';

/**
 * A procedure's stage table as data: the workflow, the API and the web app read the same definition, so a stage's
 * legal basis, who acts in it, the task it opens and the words for what it waits for have one home.
 * Definitions are plain, deterministic data (no I/O): workflow code may import them.
 */

/** The side of a procedure that acts in a stage or holds a task. */
export type Party =
  /** The drafting department (起草单位) or, in a major decision, the undertaking unit (决策承办单位). */
  | 'DRAFTING_UNIT'
  /** The legal-affairs office (司法局 / 合法性审核机构). */
  | 'LEGAL_AFFAIRS_OFFICE'
  /** A legal adviser or government lawyer routed to the procedure (法律顾问 / 公职律师). */
  | 'LEGAL_ADVISER'
  /** The government as decision organ: its leaders and meetings (政府 / 决策机关). */
  | 'GOVERNMENT'
  /** The same-level market regulation department (市场监管局), in a fair-competition review (公平竞争审查条例 Art 14). */
  | 'MARKET_REGULATION';

/** Keys of a policy whose value is a period (the period a stage's task is due within). */
export type PeriodKey<P> = { [K in keyof P]-?: NonNullable<P[K]> extends Period ? K : never }[keyof P] & string;

/** When a stage runs. */
export type StageCondition<I> =
  /** Every procedure of the type passes through it. */
  | { readonly kind: 'ALWAYS' }
  /** Decided by the start input (e.g. the document touches business activity); `test` is pure. */
  | { readonly kind: 'INPUT'; readonly description: string; test(input: I): boolean }
  /** Entered only on an outcome of an earlier step (e.g. revision after an opinion of 不合法). */
  | { readonly kind: 'OUTCOME'; readonly description: string };

/** A task a procedure opens: who holds it, which roles may hold or take it over, and the period it is due within. */
export interface TaskSpec<K extends string = string, PK extends string = string> {
  readonly kind: K;
  /** Title prefix, as the task list shows it (`<title>：<procedure title>`). */
  readonly title: string;
  readonly party: Party;
  /** Roles that may hold the task (claim it, be reassigned it). */
  readonly holders: readonly Role[];
  /** The policy period the task is due within; null when no due time is set at opening. */
  readonly periodKey: PK | null;
  /** Routed to one legal adviser by the routing rules (expertise, load, recusal) rather than opened for a unit. */
  readonly routed?: boolean;
}

/**
 * The words for what a stage waits for. `default` is the usual text; named variants cover the stage's states (a
 * comment window open, an opinion pending). `{name}` placeholders are filled from the values given to `waitingText`.
 */
export interface WaitingFor {
  readonly default: string | null;
  readonly [variant: string]: string | null;
}

/** The shared statutory steps a stage can be an instance of (written once in the workflow kernel's step modules). */
export type SharedStep =
  | 'COMMENT_WINDOW'
  | 'MATERIALS_CHECK'
  | 'LEGALITY_REVIEW'
  | 'REVISION'
  | 'DELIBERATION'
  | 'REGISTRATION'
  | 'PUBLICATION';

export interface StageName {
  readonly zh: string;
  readonly en: string;
}

export interface StageSpec<
  S extends string = string,
  K extends string = string,
  I = never,
  PK extends string = string,
> {
  readonly stage: S;
  readonly name: StageName;
  /** The stage's legal basis (the gate names it). */
  readonly basis: LegalBasis;
  /** The shared step this stage is (oversight counts e.g. every legality review alike), if any. */
  readonly step?: SharedStep;
  readonly runs: StageCondition<I>;
  /** Who acts in the stage, and with which roles. */
  readonly party: Party;
  readonly roles: readonly Role[];
  /** How the acting side follows from the start input (e.g. the issuer's own meeting), as the stage table says it. */
  readonly partyNote?: string;
  /** The task opened on entering the stage; null for stages entered by an update or that open none. */
  readonly entryTask: K | null;
  /** Every task kind the stage may open (the entry task first). */
  readonly tasks: readonly K[];
  /** The period the stage's step is due within. */
  readonly periodKey: PK | null;
  /** The drafting side may add document versions in this stage. */
  readonly upload: boolean;
  /** The draft is still the drafting side's working text (leaders do not read it yet). */
  readonly drafting: boolean;
  readonly waitingFor: WaitingFor;
  /** Shown on the timeline (false for a stage outside the statutory sequence, such as a suspension). */
  readonly onTimeline: boolean;
}

/** A stage in which the procedure has ended. */
export interface TerminalStageSpec<S extends string = string> {
  readonly stage: S;
  readonly name: StageName;
  readonly basis: LegalBasis;
}

/**
 * A procedure's definition: `S` its stage codes, `K` its task kinds, `I` its start input (read by stage conditions),
 * `PK` the keys of its policy that hold periods.
 */
export interface ProcedureDefinition<
  S extends string = string,
  K extends string = string,
  I = never,
  PK extends string = string,
> {
  readonly type: ProcedureType;
  /** Temporal workflow type (a public API: never renamed). */
  readonly workflowType: string;
  /** Workflow ID prefix: the business key is `<prefix>:<…>`. */
  readonly workflowIdPrefix: string;
  readonly name: StageName;
  /** When documents can be added, in words ("while drafting or revising"), for the refusal outside those stages. */
  readonly uploadWindow: string;
  /** The stage a new procedure starts in. */
  readonly initialStage: S;
  /** Stages in statutory order. */
  readonly stages: readonly StageSpec<S, K, I, PK>[];
  readonly terminal: readonly TerminalStageSpec<S>[];
  readonly tasks: { readonly [kind in K]: TaskSpec<kind, PK> };
  /**
   * The review conclusions the legal-affairs office's console counts for this procedure, as ledger decisions: its
   * pass rate is `passed` among `concluded`, its return (rework) rate `returned` among them. A procedure without it
   * is not in the review statistics.
   */
  readonly reviewOutcomes?: ReviewOutcomes;
}

/** Ledger decisions of a procedure's review conclusions, for the console's pass and return rates. */
export interface ReviewOutcomes {
  /** Every conclusion of the review (the rates' denominator). */
  readonly concluded: readonly string[];
  /** Conclusions that let the case go on (同意 / 通过). */
  readonly passed: readonly string[];
  /** Conclusions that send the case back for rework (存在问题 / 修改). */
  readonly returned: readonly string[];
}

/** Stage codes of a definition. */
export type StageOf<D> = D extends { readonly stages: readonly { readonly stage: infer S }[] } ? S : never;
/** Task kinds of a definition. */
export type TaskKindOf<D> = D extends { readonly tasks: infer T } ? keyof T & string : never;

/**
 * A stage of the usual shape, for a definition's own builders: it runs always, opens its entry task (if any) and no
 * other, takes no uploads, is not the drafting side's working text and is on the timeline; `o` overrides any of these.
 */
export function usualStage<S extends string, K extends string, I, PK extends string>(
  base: Pick<StageSpec<S, K, I, PK>, 'stage' | 'name' | 'basis' | 'party' | 'roles' | 'entryTask' | 'periodKey'> & {
    waitingFor: string;
  },
  o: Partial<StageSpec<S, K, I, PK>> = {},
): StageSpec<S, K, I, PK> {
  return {
    runs: { kind: 'ALWAYS' },
    tasks: base.entryTask ? [base.entryTask] : [],
    upload: false,
    drafting: false,
    onTimeline: true,
    ...base,
    waitingFor: { default: base.waitingFor },
    ...o,
  };
}

/**
 * Declares a procedure's definition and checks it once, at load: every stage and task kind appears once, each
 * stage's tasks are declared, the initial stage is a stage. Returns it unchanged, with its literal types.
 */
export function defineProcedure<S extends string, K extends string, I, P>(
  definition: ProcedureDefinition<S, K, I, PeriodKey<P>>,
): ProcedureDefinition<S, K, I, PeriodKey<P>> {
  const seen = new Set<string>();
  for (const spec of [...definition.stages, ...definition.terminal]) {
    if (seen.has(spec.stage)) throw new Error(`${definition.type}: stage ${spec.stage} is defined twice.`);
    seen.add(spec.stage);
  }
  if (!seen.has(definition.initialStage)) {
    throw new Error(`${definition.type}: the initial stage ${definition.initialStage} is not defined.`);
  }
  for (const spec of definition.stages) {
    if (spec.entryTask !== null && spec.tasks[0] !== spec.entryTask) {
      throw new Error(`${definition.type}: stage ${spec.stage} must list its entry task first.`);
    }
    for (const kind of spec.tasks) {
      if (!(kind in definition.tasks)) {
        throw new Error(`${definition.type}: stage ${spec.stage} opens unknown ${kind}.`);
      }
    }
  }
  for (const [kind, task] of Object.entries(definition.tasks as Record<string, TaskSpec>)) {
    if (task.kind !== kind) throw new Error(`${definition.type}: task ${kind} is declared as ${task.kind}.`);
  }
  return definition;
}

// ---- Reading a definition (pure helpers used by every layer) ----------------------------------------------------

/** The stage table entry of `stage`, or undefined for a stage of another procedure. */
export function stageSpec<S extends string, K extends string, I, PK extends string>(
  def: ProcedureDefinition<S, K, I, PK>,
  stage: string,
): StageSpec<S, K, I, PK> | undefined {
  return def.stages.find((s) => s.stage === stage);
}

/** Stages in statutory order as a timeline shows them (terminal and off-timeline stages excluded). */
export function timelineOf<S extends string>(def: ProcedureDefinition<S>): readonly S[] {
  return def.stages.filter((s) => s.onTimeline).map((s) => s.stage);
}

/** Every stage with its legal basis, terminal stages included. */
export function basisOf(def: ProcedureDefinition, stage: string): LegalBasis | undefined {
  return (
    def.stages.find((s) => s.stage === stage)?.basis ?? def.terminal.find((s) => s.stage === stage)?.basis ?? undefined
  );
}

export function stageNameOf(def: ProcedureDefinition, stage: string): StageName | undefined {
  return def.stages.find((s) => s.stage === stage)?.name ?? def.terminal.find((s) => s.stage === stage)?.name;
}

export function isTerminalStage(def: ProcedureDefinition, stage: string): boolean {
  return def.terminal.some((s) => s.stage === stage);
}

/** Stages in which the drafting side may add document versions. */
export function uploadStagesOf<S extends string>(def: ProcedureDefinition<S>): readonly S[] {
  return def.stages.filter((s) => s.upload).map((s) => s.stage);
}

/** Stages in which the draft is still the drafting side's working text. */
export function draftingStagesOf<S extends string>(def: ProcedureDefinition<S>): readonly S[] {
  return def.stages.filter((s) => s.drafting).map((s) => s.stage);
}

/** Roles that may hold a task of `kind`; undefined when the definition has no such task. */
export function holderRolesOf(def: ProcedureDefinition, kind: string): readonly Role[] | undefined {
  return (def.tasks as Record<string, TaskSpec | undefined>)[kind]?.holders;
}

/** Whether `stage` runs for a procedure started with `input` (outcome stages run only when an earlier step leads there). */
export function stageRunsFor<I>(spec: StageSpec<string, string, I>, input: I): boolean {
  return spec.runs.kind === 'INPUT' ? spec.runs.test(input) : true;
}

/**
 * The stage after `stage` in statutory order, skipping stages whose input condition is false and outcome stages
 * (those are entered by the step that leads there). Undefined after the last stage.
 */
export function nextStageFor<S extends string, I>(
  def: ProcedureDefinition<S, string, I>,
  stage: S,
  input: I,
  skip: (stage: S) => boolean = () => false,
): S | undefined {
  const order = def.stages;
  for (let i = order.findIndex((s) => s.stage === stage) + 1; i < order.length; i++) {
    const spec = order[i];
    if (!spec.onTimeline || spec.runs.kind === 'OUTCOME') continue;
    if (!stageRunsFor(spec, input) || skip(spec.stage)) continue;
    return spec.stage;
  }
  return undefined;
}

/** The words for what `stage` waits for, in `variant` (default when absent), with `{name}` filled from `values`. */
export function waitingText(
  def: ProcedureDefinition,
  stage: string,
  variant = 'default',
  values: Record<string, string> = {},
): string | null {
  const spec = def.stages.find((s) => s.stage === stage);
  if (!spec) return null;
  const text = spec.waitingFor[variant] ?? spec.waitingFor.default;
  return text === null ? null : text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The stages of `def` that are an instance of the shared `step`. */
export function stagesOfStep(def: ProcedureDefinition, step: SharedStep): readonly string[] {
  return def.stages.filter((s) => s.step === step).map((s) => s.stage);
}
