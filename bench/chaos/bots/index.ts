/**
 * The chaos run's bots, one per procedure type: the environment variable that says how many of that type a run takes
 * (and the full form's default), the tag in each job's code, the business key its procedure is registered under.
 */
import type { ProcedureType } from '@lawgate/domain';
import { contractBot } from './contract';
import { enforcementBot } from './enforcement';
import { filingNumberOf, filingReviewBot } from './filing-review';
import { majorDecisionBot } from './major-decision';
import { normativeBot } from './normative';
import type { Bot } from './shared';

export type { Bot, BotContext } from './shared';

export interface ChaosBot {
  bot: Bot;
  /** How many procedures of the type a run takes: `CHAOS_<knob>`, the full form's default. */
  env: string;
  fullForm: number;
  /** The letter in a job's code: `chaos-<run>-<tag><n>`. */
  tag: string;
  /** The business key (`procedure.project_code`) a job's procedure is registered under. */
  businessKey: (code: string) => string;
}

const same = (code: string) => code;

export const CHAOS_BOTS: Record<ProcedureType, ChaosBot> = {
  NORMATIVE_DOCUMENT: { bot: normativeBot, env: 'CHAOS_NORMATIVE', fullForm: 200, tag: 'n', businessKey: same },
  MAJOR_DECISION: { bot: majorDecisionBot, env: 'CHAOS_MAJOR', fullForm: 50, tag: 'm', businessKey: same },
  ENFORCEMENT_REVIEW: { bot: enforcementBot, env: 'CHAOS_ENFORCEMENT', fullForm: 50, tag: 'e', businessKey: same },
  CONTRACT_REVIEW: { bot: contractBot, env: 'CHAOS_CONTRACT', fullForm: 50, tag: 'c', businessKey: same },
  FILING_REVIEW: {
    bot: filingReviewBot,
    env: 'CHAOS_FILING',
    fullForm: 50,
    tag: 'f',
    businessKey: filingNumberOf,
  },
};
