/**
 * E3 (G-E5): the catalog of filed documents (备案目录) is published periodically, one edition per period. The
 * cadence is policy (the 2024 rule's model is monthly, local rules quarterly; Jiangsu's was not read): periods are
 * calendar months or quarters in China Standard Time, or, under the demonstration policy only, fixed windows of
 * seconds. Pure: the worker's scheduler and the tests compute the same periods.
 */
import type { Period } from '../../periods';

export type CatalogCadence = 'MONTHLY' | 'QUARTERLY';

/** One period of the catalog: `[start, end)`, with a key that names it once (`2026-Q3`, `2026-07`, `S20-…`). */
export interface CatalogPeriod {
  key: string;
  start: string;
  end: string;
  /** How the edition is titled: 2026年第3季度, 2026年7月, or the window's instants. */
  label: string;
}

const CST_MS = 8 * 3600 * 1000;

/** The instant of 00:00 CST on the first day of `month` (1–12, may run over into the next year) of `year`. */
function cstMonthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - CST_MS);
}

/** The period that contains `at`. `demo` (seconds) replaces the calendar cadence where the policy names one. */
export function catalogPeriodAt(cadence: CatalogCadence, at: Date, demo: Period | null = null): CatalogPeriod {
  if (demo) {
    if (demo.unit !== 'SECONDS' || !(demo.amount > 0)) throw new RangeError('A demonstration period is in seconds.');
    const ms = demo.amount * 1000;
    const start = Math.floor(at.getTime() / ms) * ms;
    const s = new Date(start).toISOString();
    const e = new Date(start + ms).toISOString();
    return { key: `S${demo.amount}-${s}`, start: s, end: e, label: `${s} – ${e}` };
  }
  const cst = new Date(at.getTime() + CST_MS);
  const year = cst.getUTCFullYear();
  const month = cst.getUTCMonth() + 1;
  if (cadence === 'MONTHLY') {
    return {
      key: `${year}-${String(month).padStart(2, '0')}`,
      start: cstMonthStart(year, month).toISOString(),
      end: cstMonthStart(year, month + 1).toISOString(),
      label: `${year}年${month}月`,
    };
  }
  const quarter = Math.floor((month - 1) / 3) + 1;
  const first = (quarter - 1) * 3 + 1;
  return {
    key: `${year}-Q${quarter}`,
    start: cstMonthStart(year, first).toISOString(),
    end: cstMonthStart(year, first + 3).toISOString(),
    label: `${year}年第${quarter}季度`,
  };
}

/**
 * The periods closed by `now` that are still to be published, oldest first: every period after the one that ends at
 * `publishedUntil` (the end of the newest edition), at most `max` of them (the newest); with no edition yet, only
 * the last closed period (the catalog starts when LawGate does, not in the past).
 */
export function catalogPeriodsDue(
  cadence: CatalogCadence,
  now: Date,
  publishedUntil: Date | null,
  demo: Period | null = null,
  max = 12,
): CatalogPeriod[] {
  const due: CatalogPeriod[] = [];
  // The period containing `now` is open; walk back from the one before it.
  const open = catalogPeriodAt(cadence, now, demo);
  let period = catalogPeriodAt(cadence, new Date(Date.parse(open.start) - 1), demo);
  while (due.length < max && (!publishedUntil || Date.parse(period.start) >= publishedUntil.getTime())) {
    due.unshift(period);
    if (!publishedUntil) break;
    period = catalogPeriodAt(cadence, new Date(Date.parse(period.start) - 1), demo);
  }
  return due;
}

/** Where a filing stands in the receiving office's review, as the issuing procedure shows it beside its filing. */
export const FILING_REVIEW_STATUSES = [
  'RECEIVED',
  'RECEIVED_LATE',
  'REGISTERED',
  'NOT_REGISTERED',
  'DEFERRED',
  'SUPPLEMENTED',
  'PASSED',
  'TECHNICAL',
  'CORRECTION_AGREED',
  'FORMAL_OPINION',
  'CORRECTED_REFILED',
  'REPEALED_BY_ISSUER',
  'ESCALATED',
  'GOVERNMENT_CHANGE',
  'GOVERNMENT_REVOKE',
] as const;
export type FilingReviewStatus = (typeof FILING_REVIEW_STATUSES)[number];

/** The review status a ledger decision of a filing-review case stands for (null: a decision that is not one). */
export function filingReviewStatusOf(decision: string): FilingReviewStatus | null {
  if (decision === 'FILING_RECEIVED') return 'RECEIVED';
  if (decision === 'FILING_RECEIVED_LATE') return 'RECEIVED_LATE';
  if (decision === 'FILING_REGISTERED') return 'REGISTERED';
  if (decision.startsWith('FILING_NOT_REGISTERED')) return 'NOT_REGISTERED';
  if (decision === 'FILING_DEFERRED') return 'DEFERRED';
  if (decision === 'FILING_SUPPLEMENTED') return 'SUPPLEMENTED';
  if (decision === 'FILING_CORRECTED_REFILED') return 'CORRECTED_REFILED';
  if (decision === 'FILING_REPEALED_BY_ISSUER') return 'REPEALED_BY_ISSUER';
  if (decision === 'FILING_ESCALATED' || decision === 'FILING_REVIEW_ESCALATE') return 'ESCALATED';
  if (decision === 'GOVERNMENT_CHANGE' || decision === 'GOVERNMENT_REVOKE') return decision;
  const outcome = /^FILING_REVIEW_(PASSED|TECHNICAL|CORRECTION_AGREED|FORMAL_OPINION)$/.exec(decision);
  return outcome ? (outcome[1] as FilingReviewStatus) : null;
}
