import type {
  CaseMaterials,
  ChecklistEntry,
  EnforcementDecisionKind,
  EnforcementMeasure,
  EnforcementReviewPolicy,
  ReviewConclusion,
  StatutoryGround,
} from './enforcement-review.contract';
import { CHECKLIST_ITEMS } from './enforcement-review.contract';

/**
 * Pure rules of the major enforcement decision review: which cases are major (the department's versioned catalog or
 * the statutory grounds), whether the materials are complete, what each conclusion needs on the checklist, and who
 * may review. No I/O: the workflow and the API both call them.
 */

/** One item of a department's catalog of major enforcement decisions (重大执法决定目录清单, 118号 (十二)). */
export interface CatalogItem {
  key: string;
  title: string;
  measures: readonly EnforcementMeasure[];
  /** Only in this field of enforcement (null: any). */
  field: string | null;
  /** Major from this amount (yuan) upwards (null: whatever the amount). */
  minAmountYuan: number | null;
}

/** A department's catalog in one version. Catalogs are per department and versioned; `verified` says whether the
 * thresholds come from the department's published catalog or are a default to be replaced. */
export interface EnforcementCatalog {
  departmentCode: string;
  version: string;
  verified: boolean;
  items: readonly CatalogItem[];
}

/** The default catalog a department without its own uses (thresholds unverified: each agency publishes its own). */
export const DEFAULT_ENFORCEMENT_CATALOG: EnforcementCatalog = {
  departmentCode: '*',
  version: 'default-2026.1',
  verified: false,
  items: [
    {
      key: 'FINE-LARGE',
      title: '较大数额罚款（10万元以上）',
      measures: ['FINE', 'CONFISCATION'],
      field: null,
      minAmountYuan: 100000,
    },
    {
      key: 'LICENCE-REVOKE',
      title: '吊销许可证件、责令停产停业、责令关闭',
      measures: ['LICENCE_REVOCATION', 'SUSPENSION_OR_CLOSURE'],
      field: null,
      minAmountYuan: null,
    },
    {
      key: 'COERCION',
      title: '查封、扣押等行政强制措施',
      measures: ['SEIZURE_OR_SEALING'],
      field: null,
      minAmountYuan: null,
    },
    {
      key: 'LEVY-LARGE',
      title: '数额较大的征收征用（50万元以上）',
      measures: ['LEVY'],
      field: null,
      minAmountYuan: 500000,
    },
  ],
};

/** Department catalogs by `<department code>@<version>`: one line per published version. */
export const ENFORCEMENT_CATALOGS: Readonly<Record<string, EnforcementCatalog>> = {
  'JT-MKT@2026.1': {
    departmentCode: 'JT-MKT',
    version: '2026.1',
    verified: false,
    items: [
      {
        key: 'MKT-FINE',
        title: '市场监管领域罚没款5万元以上',
        measures: ['FINE', 'CONFISCATION'],
        field: '市场监管',
        minAmountYuan: 50000,
      },
      { key: 'MKT-REVOKE', title: '吊销营业执照', measures: ['LICENCE_REVOCATION'], field: null, minAmountYuan: null },
      { key: 'MKT-SEAL', title: '查封经营场所', measures: ['SEIZURE_OR_SEALING'], field: null, minAmountYuan: null },
    ],
  },
};

/** The latest catalog of a department, or the default when it has none. */
export function catalogOf(departmentCode: string): EnforcementCatalog {
  const own = Object.values(ENFORCEMENT_CATALOGS)
    .filter((c) => c.departmentCode === departmentCode)
    .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }));
  return own[0] ?? DEFAULT_ENFORCEMENT_CATALOG;
}

export interface CaseFacts {
  measure: EnforcementMeasure;
  field: string;
  amountYuan: number;
  statutoryGrounds: readonly StatutoryGround[];
}

/** Whether a case is major: the first catalog item it matches, and/or the statutory grounds it names. */
export function classifyMajor(
  catalog: EnforcementCatalog,
  facts: CaseFacts,
): { major: boolean; itemKey: string | null; reason: string } {
  const item = catalog.items.find(
    (i) =>
      i.measures.includes(facts.measure) &&
      (i.field === null || i.field === facts.field) &&
      (i.minAmountYuan === null || facts.amountYuan >= i.minAmountYuan),
  );
  const parts: string[] = [];
  if (item) parts.push(`目录清单 ${catalog.departmentCode}@${catalog.version} ${item.key}：${item.title}`);
  if (facts.statutoryGrounds.length > 0) parts.push(`法定情形：${facts.statutoryGrounds.join('、')}`);
  return { major: parts.length > 0, itemKey: item?.key ?? null, reason: parts.join('；') };
}

/** What is missing from the materials (C4): the intake check lists it in a supplement request. */
export function missingCaseMaterials(
  m: CaseMaterials,
  uploaded: { draft: boolean; evidence: readonly string[]; hearing: readonly string[] },
): string[] {
  const missing: string[] = [];
  if (!m.facts.trim()) missing.push('案件事实（调查终结报告）');
  if (m.evidence.length === 0) missing.push('证据材料清单');
  for (const e of m.evidence) {
    if (!uploaded.evidence.includes(e.fileSha256)) {
      missing.push(`证据文件「${e.title}」（${e.fileSha256.slice(0, 12)}…）未上传`);
    }
  }
  if (m.provisions.filter((p) => p.trim()).length === 0) missing.push('适用的法律依据');
  if (!m.discretionStandard.trim()) missing.push('适用的裁量基准');
  if (!m.proposedDecision.trim() || !uploaded.draft) missing.push('拟作出的决定（决定书草稿）');
  if (m.hearingHeld && (!m.hearingRecordSha256 || !uploaded.hearing.includes(m.hearingRecordSha256))) {
    missing.push('听证笔录（听证报告）');
  }
  return missing;
}

/** Why a conclusion does not fit its checklist, or null: 同意 needs every item met; 存在问题 names a failed item with
 * its note; a transfer recommendation marks the suspected crime. Every checklist item is answered once. */
export function checklistRefusal(conclusion: ReviewConclusion, checklist: readonly ChecklistEntry[]): string | null {
  const answered = new Set(checklist.map((c) => c.item));
  const missing = CHECKLIST_ITEMS.filter((i) => !answered.has(i));
  if (missing.length > 0 || answered.size !== checklist.length) {
    return `The review answers each checklist item once (§1.4); missing or repeated: ${missing.join(', ') || 'repeated items'}.`;
  }
  const failed = checklist.filter((c) => !c.ok);
  if (conclusion === 'AGREE' && failed.length > 0) {
    return `同意 needs every checklist item met; not met: ${failed.map((f) => f.item).join(', ')}.`;
  }
  if (conclusion === 'PROBLEMS' && (failed.length === 0 || failed.some((f) => !f.note.trim()))) {
    return '存在问题 names each item not met, with a note of the problem (118号 (十三)).';
  }
  if (conclusion === 'TRANSFER' && checklist.find((c) => c.item === 'NO_SUSPECTED_CRIME')?.ok !== false) {
    return 'A transfer recommendation marks the suspected crime on the checklist (NO_SUSPECTED_CRIME not met).';
  }
  return null;
}

/** Whether the reviewer of this case must hold the legal-profession qualification (处罚法 Art 58 §2; policy). */
export function needsQualifiedReviewer(
  policy: Pick<EnforcementReviewPolicy, 'qualifiedReviewersFor'>,
  kind: EnforcementDecisionKind,
): boolean {
  return policy.qualifiedReviewersFor === 'ALL' || kind === 'PENALTY';
}

/** Permit and penalty decisions are disclosed within 7 working days, others within 20 (处罚法 Art 48; 118号 (六)). */
export function disclosurePeriodKey(kind: EnforcementDecisionKind): 'disclosurePeriod' | 'otherDisclosurePeriod' {
  return kind === 'PENALTY' || kind === 'PERMIT' ? 'disclosurePeriod' : 'otherDisclosurePeriod';
}
