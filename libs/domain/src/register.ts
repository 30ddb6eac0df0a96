/**
 * Unified registration, numbering, publication and filing of normative documents (regulations.md B9–B11, gates
 * G-B9..G-B11). Pure: imported by workflow code as well as by activities and the API.
 */
import { addDays, cstDateOf } from './calendar/legal-time';
import type { Actor } from './procedures/normative-document.contract';

/**
 * Where a register entry stands. REGISTERED: numbered, not yet published, so not usable as a basis for
 * administration (G-B10); IN_FORCE: published; EXPIRED / REPEALED: no longer in force; VOIDED: the number was
 * cancelled before publication and is never given again.
 */
export type RegisterStatus = 'REGISTERED' | 'IN_FORCE' | 'EXPIRED' | 'REPEALED' | 'VOIDED' | 'REPLACED';

export const REGISTER_STATUSES: readonly RegisterStatus[] = [
  'REGISTERED',
  'IN_FORCE',
  'EXPIRED',
  'REPEALED',
  'VOIDED',
  'REPLACED',
];

/** What happens to a filing (备案): the filing authority may ask for corrections any number of times. */
export type FilingEvent = 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED' | 'ACCEPTED';

export const FILING_EVENTS: readonly FilingEvent[] = ['SUBMITTED', 'CORRECTION_REQUESTED', 'RESUBMITTED', 'ACCEPTED'];

export type FilingStatus = 'PENDING' | 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'ACCEPTED';

/** Publication channels (政府信息公开条例 Art 23): gazette, government website, newspaper, and the like. */
export const PUBLICATION_CHANNELS = [
  'GAZETTE',
  'WEBSITE',
  'NEWSPAPER',
  'PRESS_CONFERENCE',
  'RADIO_TV',
  'OTHER',
] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

/** The series an issuer numbers in when nothing else is said: its normative documents (规). */
export const NORMATIVE_SERIES = 'NORMATIVE';

/**
 * The printed number's pattern (regulations.md §5, GB/T 9704-2012 §7.2): issuer code in Han or Latin letters, the
 * four-digit year in 〔〕, the sequence without leading zeros, 号.
 */
const NUMBER_PATTERN = /^([\p{Script=Han}A-Za-z]+)〔(\d{4})〕([1-9]\d*)号$/u;
const PREFIX_PATTERN = /^[\p{Script=Han}A-Za-z]+$/u;

export function isValidPrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

/** `formatDocumentNumber('坛政规', 2026, 3)` is `坛政规〔2026〕3号`. Throws on what cannot be a document number. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  if (!isValidPrefix(prefix)) {
    throw new RangeError(`The issuer code must be Han characters or Latin letters, not "${prefix}".`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`The year must be four digits, not ${year}.`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`The sequence starts at 1, not ${seq}.`);
  return `${prefix}〔${year}〕${seq}号`;
}

/** The parts of a printed number, or null when the text is not one (leading zeros, two-digit year, 第, ...). */
export function parseDocumentNumber(text: string): { prefix: string; year: number; seq: number } | null {
  const match = NUMBER_PATTERN.exec(text.trim());
  if (!match) return null;
  const seq = Number(match[3]);
  if (!Number.isSafeInteger(seq)) return null;
  return { prefix: match[1], year: Number(match[2]), seq };
}

/**
 * How many years a document is valid for. The common model (regulations.md B12) is at most 5 years, and at most 2
 * for a provisional one, recognisable by 暂行 or 试行 in its title; these are analogies, not verified Jiangsu
 * values, so the numbers come from the policy.
 */
export function validityYearsFor(
  title: string,
  policy: { defaultValidityYears: number; provisionalValidityYears: number },
): number {
  return /暂行|试行/.test(title) ? policy.provisionalValidityYears : policy.defaultValidityYears;
}

/** The calendar year of an instant in China Standard Time: a number given on 1 January 00:30 CST is next year's. */
export function registrationYear(instant: Date): number {
  return Number(cstDateOf(instant).slice(0, 4));
}

/**
 * The last day (China Standard Time) of a validity of `years` counted from the registration day: registered on
 * 2026-03-01 for 5 years, valid until 2031-02-28.
 */
export function validUntilOf(registeredAt: Date, years: number): string {
  if (!Number.isInteger(years) || years < 1 || years > 100) {
    throw new RangeError(`The validity must be a whole number of years from 1, not ${years}.`);
  }
  const start = cstDateOf(registeredAt);
  const end = new Date(`${start}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return addDays(end.toISOString().slice(0, 10), -1);
}

/**
 * The filing's status after an event, or null when the event is not allowed in that status. The loop: submitted,
 * the authority asks for corrections, resubmitted (submitted again), ... until accepted, which is final.
 */
export function nextFilingStatus(status: FilingStatus, event: FilingEvent): FilingStatus | null {
  switch (event) {
    case 'SUBMITTED':
      return status === 'PENDING' ? 'SUBMITTED' : null;
    case 'CORRECTION_REQUESTED':
      return status === 'SUBMITTED' ? 'CORRECTION_REQUESTED' : null;
    case 'RESUBMITTED':
      return status === 'CORRECTION_REQUESTED' ? 'SUBMITTED' : null;
    case 'ACCEPTED':
      return status === 'SUBMITTED' ? 'ACCEPTED' : null;
  }
}

/** Input of `registerDocument` and of `documentRegistrationWorkflow`. */
export interface RegisterDocumentInput {
  procedureId: string;
  workflowId: string;
  /** The issuing organ (制定机关) whose number series is used. */
  issuerUnitId: string;
  /** The issuer's series, e.g. `NORMATIVE`. */
  series: string;
  title: string;
  /** SHA-256 of the exact text registered. */
  documentSha256: string;
  validityYears: number;
  registeredBy: Actor | null;
  /** One number per key however often the activity runs. */
  idempotencyKey: string;
}

/** A registered, numbered document. */
export interface RegisteredDocument {
  registerEntryId: string;
  /** The printed number, e.g. `坛政规〔2026〕3号`. */
  number: string;
  year: number;
  seq: number;
  registeredAt: string;
  /** Last day of validity (YYYY-MM-DD, China Standard Time). */
  validUntil: string;
}

/** Workflow ID of a procedure's registration child workflow: one registration per procedure. */
export function registrationWorkflowId(procedureId: string): string {
  return `registration:${procedureId}`;
}

/** Temporal workflow type of the registration workflow (apps start it by name; they may not import workflows/). */
export const DOCUMENT_REGISTRATION_WORKFLOW_TYPE = 'documentRegistrationWorkflow';

export type DocumentRegistrationWorkflow = (input: RegisterDocumentInput) => Promise<RegisteredDocument>;
