/**
 * The sample cases the demo scripts and the chaos run's bots start and review: one major enforcement case, one
 * government contract, one filed document, and the checklists their reviews fill in.
 */
import { CHECKLIST_ITEMS, CONTRACT_CHECKLIST, FILING_STANDARDS } from '@lawgate/domain';

/** A penalty case of the market-regulation bureau, major by its catalog (a fine of 200 000 yuan). */
export const sampleEnforcementCase = (caseNumber: string, title: string) => ({
  caseNumber,
  title,
  decisionKind: 'PENALTY',
  measure: 'FINE',
  field: '市场监管',
  amountYuan: 200000,
  statutoryGrounds: [],
  complexOrSerious: false,
  caseHandlers: ['drafter.mkt', 'inspector.mkt'],
});

/** A franchise agreement (an administrative agreement, reviewed whatever its amount) with an SME. */
export const sampleContract = (contractNumber: string, title: string) => ({
  contractNumber,
  title,
  kind: 'FRANCHISE_PPP',
  administrativeAgreement: true,
  basis: 'TENDER',
  counterpart: '某停车管理有限公司',
  counterpartSme: true,
  amountYuan: 3000000,
  termStart: '2026-04-01',
  termEnd: '2036-03-31',
});

/** One file of a filing package, as `POST /api/procedures/filing-reviews` takes it. */
export const filingFile = (kind: string, text: string) => ({
  kind,
  filename: `${kind.toLowerCase()}.txt`,
  mediaType: 'text/plain',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/** Each checklist item with its note: `failed` names the items found wrong, with what is wrong. */
const checklistOf =
  <T extends string>(items: readonly T[], ok: string) =>
  (failed: Partial<Record<T, string>> = {}) =>
    items.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? ok }));

export const enforcementChecklist = checklistOf(CHECKLIST_ITEMS, '符合');
/** The dispute clause's note says how it was checked (an administrative agreement's arbitration clause is void). */
export const contractChecklist = checklistOf(CONTRACT_CHECKLIST, '无仲裁条款，由人民法院管辖');
export const filingStandards = checklistOf(FILING_STANDARDS, '');
