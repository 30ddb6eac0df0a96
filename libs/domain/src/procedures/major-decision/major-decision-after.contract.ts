import type { Actor } from '../kernel/kernel.contract';

/** The arguments of a major decision's steps after the meeting: the Party report, publication, execution. */
export interface PartyReportArgs {
  taskId: string;
  reportedTo: string;
  reference: string;
  actor: Actor;
}
/** The channels Decree 713 Art 32 names: the government gazette, the government website, local newspapers. */
export const ART_32_CHANNELS = ['GAZETTE', 'WEBSITE', 'NEWSPAPER'] as const;

export interface ChannelNotUsed {
  channel: (typeof ART_32_CHANNELS)[number];
  reason: string;
}

export interface DecisionPublicationArgs {
  taskId: string;
  channels: string[];
  /** An Art 32 channel not used, with the reason (e.g. a matter not to be disclosed, no local newspaper). */
  channelsNotUsed?: ChannelNotUsed[];
  reference: string;
  opinionsExplanation?: string;
  actor: Actor;
}
export interface DecisionTaskArgs {
  taskId: string;
  note: string;
  actor: Actor;
}
export interface ExecutionReportArgs {
  kind: 'PROGRESS' | 'PROBLEM';
  text: string;
  actor: Actor;
}
export interface EvaluationArgs {
  evaluator: string;
  /** Art 36: the evaluator is not a unit that did the main pre-decision argumentation or assessment. */
  didPreDecisionWork: boolean;
  result: string;
  actor: Actor;
}
export interface ReasonArgs {
  reason: string;
  actor: Actor;
}
