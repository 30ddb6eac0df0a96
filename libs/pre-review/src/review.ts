import { obligationOf, measuresOf } from './detect';
import { LAW_RANK_NAMES, LawList, type LawListSource, type LawRank, type LawStatus } from './laws';
import {
  MEASURE_RULE,
  PRE_REVIEW_RULES,
  ruleOf,
  type MeasureKind,
  type PreReviewRuleId,
  type RuleBasis,
} from './rules';

/** How a clause stands on its basis for a measure or an obligation. */
export type BasisStatus =
  | 'RANKED' // it cites a law in force of a rank that may create the measure
  | 'GENERIC' // it refers to the laws in general ("依照有关法律、法规的规定", "依法予以处罚"): it creates nothing
  | 'NONE' // it cites nothing
  | 'LOW_RANK' // what it cites is in force but of a rank that may not create the measure
  | 'UNKNOWN_LAW' // what it cites is not in the dated list: not verifiable
  | 'REPEALED'; // what it cites was repealed

export interface CitedLaw {
  cited: string;
  status: LawStatus['status'];
  rank: LawRank | null;
  repealedBy: string | null;
}

export interface PreReviewFinding {
  ruleId: PreReviewRuleId;
  title: [string, string];
  basis: readonly RuleBasis[];
  /** The clause (article or sentence) the finding is about; null for a finding about the whole document. */
  clause: { index: number; text: string } | null;
  /** The words that triggered the rule. */
  words: string;
  measure: MeasureKind | null;
  basisStatus: BasisStatus | null;
  cited: CitedLaw[];
  detail: [string, string];
  /** The dated list the finding read, when it read one. */
  lawList: LawListSource | null;
}

export interface ClauseMeasure {
  kind: MeasureKind;
  words: string;
  basisStatus: BasisStatus;
}

export interface PreReviewOptions {
  laws?: LawList;
  disabled?: ReadonlySet<PreReviewRuleId>;
  /** Date of publication (YYYY-MM-DD), when known: the effective date is measured from it. */
  publishedOn?: string | null;
  /** The document's title: 暂行/试行 documents have the shorter validity. */
  title?: string | null;
  effectiveMinDays?: number;
  validityMaxYears?: number;
  provisionalValidityMaxYears?: number;
}

const defaultLaws = new LawList();

const CITED = /《([^《》]{2,60})》/g;
const GENERIC =
  /(依照|依据|按照|根据)(有关|相关|国家|省|市)?[^。；]{0,10}(法律|法规|规章)[^。；]{0,20}(规定|执行|处理|处罚|办理)|依法(予以|给予|处以|进行|实施|查处|处理|处罚|查封|扣押|收取|征收|办理|核发|审批|许可|责令|没收|吊销|强制)|依法(可以|有权)|由[^。；，]{1,20}依法|(依照|依据|按照)(国家|国务院)(的)?(有关)?规定|法律、法规(另有规定|规定)|遵守[^。；]{0,12}(法律|法规|规定)/;

function citedLaws(clause: string, laws: LawList): CitedLaw[] {
  const out: CitedLaw[] = [];
  for (const m of clause.matchAll(CITED)) {
    const s = laws.lookup(m[1]);
    out.push({
      cited: m[1],
      status: s.status,
      rank: s.status === 'IN_FORCE' ? s.rank : null,
      repealedBy: s.status === 'REPEALED' ? s.repealedBy : null,
    });
  }
  return out;
}

/** Where a clause stands on its basis: laws it names anywhere, or a general reference in the sentence at hand. */
function basisFor(sentence: string, cited: CitedLaw[], ranks: readonly LawRank[] | null): BasisStatus {
  const external = cited.filter((c) => !/^(本|前款)/.test(c.cited));
  if (external.some((c) => c.status === 'IN_FORCE' && (!ranks || (c.rank && ranks.includes(c.rank))))) return 'RANKED';
  if (GENERIC.test(sentence)) return 'GENERIC';
  if (external.some((c) => c.status === 'REPEALED')) return 'REPEALED';
  if (external.some((c) => c.status === 'IN_FORCE')) return 'LOW_RANK';
  if (external.some((c) => c.status === 'UNKNOWN')) return 'UNKNOWN_LAW';
  return 'NONE';
}

const BASIS_WORDS: Record<Exclude<BasisStatus, 'RANKED' | 'GENERIC'>, [string, string]> = {
  NONE: ['条文未援引任何上位法依据', 'the clause cites no higher law'],
  LOW_RANK: ['所援引文件的位阶不足以设定该事项', 'what it cites is of a rank that may not create this'],
  UNKNOWN_LAW: [
    '所援引文件不在法律文件清单中，位阶无法核实',
    'what it cites is not in the list of laws: its rank cannot be verified',
  ],
  REPEALED: ['所援引文件已废止', 'what it cites was repealed'],
};

/** The clauses of a text: its articles (第…条) when it has them, otherwise its paragraphs. */
export function clausesOf(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const clauses: string[] = [];
  for (const line of lines) {
    if (/^第[一二三四五六七八九十百零〇\d]+条/.test(line) || clauses.length === 0) clauses.push(line);
    else if (/^第[一二三四五六七八九十百零〇\d]+(章|节)/.test(line)) clauses.push(line);
    else if (/^[（(][一二三四五六七八九十\d]+[)）]/.test(line) || /^[一二三四五六七八九十]+、/.test(line)) {
      clauses[clauses.length - 1] += line;
    } else clauses.push(line);
  }
  return clauses;
}

/** The measures a clause sets and where each stands on its basis. */
export function measuresOfClause(clause: string, laws: LawList = defaultLaws): ClauseMeasure[] {
  const cited = citedLaws(clause, laws);
  const seen = new Map<MeasureKind, ClauseMeasure>();
  for (const sentence of clause.split(/[。！？]/)) {
    for (const m of measuresOf(sentence)) {
      const ranks = ruleOf(MEASURE_RULE[m.kind]).requiredRanks ?? null;
      const part = sentence.split(/[；;]/).find((p) => p.includes(m.words.split('…')[0])) ?? sentence;
      const measure = { kind: m.kind, words: m.words, basisStatus: basisFor(part, cited, ranks) };
      const known = seen.get(m.kind);
      // a clause that sets a measure once without basis is flagged, even if it also refers to the laws elsewhere
      if (
        !known ||
        ((known.basisStatus === 'GENERIC' || known.basisStatus === 'RANKED') &&
          measure.basisStatus !== 'GENERIC' &&
          measure.basisStatus !== 'RANKED')
      ) {
        seen.set(m.kind, measure);
      }
    }
  }
  return [...seen.values()];
}

function finding(
  ruleId: PreReviewRuleId,
  clause: PreReviewFinding['clause'],
  words: string,
  detail: [string, string],
  extra: Partial<Pick<PreReviewFinding, 'measure' | 'basisStatus' | 'cited' | 'lawList'>> = {},
): PreReviewFinding {
  const rule = ruleOf(ruleId);
  return {
    ruleId,
    title: rule.title,
    basis: rule.basis,
    clause,
    words,
    measure: extra.measure ?? null,
    basisStatus: extra.basisStatus ?? null,
    cited: extra.cited ?? [],
    detail,
    lawList: extra.lawList ?? null,
  };
}

/** The findings on one clause (an article or a sentence). */
export function reviewClause(text: string, index = 0, options: PreReviewOptions = {}): PreReviewFinding[] {
  const laws = options.laws ?? defaultLaws;
  const clause = { index, text };
  const cited = citedLaws(text, laws);
  const out: PreReviewFinding[] = [];
  const measures = measuresOfClause(text, laws);
  for (const m of measures) {
    if (m.basisStatus === 'RANKED' || m.basisStatus === 'GENERIC') continue;
    const rule = ruleOf(MEASURE_RULE[m.kind]);
    const ranks = (rule.requiredRanks ?? []).map((r) => LAW_RANK_NAMES[r]);
    out.push(
      finding(
        rule.id,
        clause,
        m.words,
        [
          `${BASIS_WORDS[m.basisStatus][0]}；可设定的依据：${ranks.map((r) => r[0]).join('、')}`,
          `${BASIS_WORDS[m.basisStatus][1]}; may be created by: ${ranks.map((r) => r[1]).join(', ')}`,
        ],
        { measure: m.kind, basisStatus: m.basisStatus, cited, lawList: laws.source },
      ),
    );
  }
  if (measures.length === 0) {
    for (const sentence of text.split(/[。！？]/)) {
      const words = obligationOf(sentence);
      if (!words) continue;
      const status = basisFor(text, cited, null);
      if (status === 'RANKED' || status === 'GENERIC') break;
      out.push(
        finding('OBLIGATION_WITHOUT_BASIS', clause, words, [BASIS_WORDS[status][0], BASIS_WORDS[status][1]], {
          basisStatus: status,
          cited,
          lawList: laws.source,
        }),
      );
      break;
    }
  }
  for (const c of cited.filter((x) => x.status === 'REPEALED')) {
    out.push(
      finding(
        'REPEALED_LAW_CITED',
        clause,
        `《${c.cited}》`,
        [
          `《${c.cited}》已废止${c.repealedBy ? `，由《${c.repealedBy}》取代` : ''}`,
          `《${c.cited}》 was repealed${c.repealedBy ? ` by 《${c.repealedBy}》` : ''}`,
        ],
        { cited: [c], lawList: laws.source },
      ),
    );
  }
  return out.filter((f) => !options.disabled?.has(f.ruleId));
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A number written in digits or in Chinese numerals up to 99. */
export function numberOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return text.length === 1 && text in CN_DIGITS ? CN_DIGITS[text] : null;
}

const EFFECTIVE_DATE = /自(\d{4})年(\d{1,2})月(\d{1,2})日(起)?(施行|实施|执行|生效)/;
const EFFECTIVE_ON_PUBLICATION = /自(公布|印发|发布|下发|颁布|签发)之日起(施行|实施|执行|生效)/;
const VALIDITY_YEARS = /有效期(为|是)?([\d一二两三四五六七八九十]+)年/;
const VALIDITY_UNTIL = /有效期至(\d{4})年(\d{1,2})月(\d{1,2})日/;
const BASIS_STATEMENT =
  /(根据|依据|依照|按照|为了?贯彻|为了?落实)[^。]{0,300}(制定本|特制定|结合本|现就|现将|制定|通知如下|意见如下)/;

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The findings on a whole document: every clause's, and the document's own (mandatory parts, dates, validity). */
export function reviewDocument(text: string, options: PreReviewOptions = {}): PreReviewFinding[] {
  const clauses = clausesOf(text);
  const out = clauses.flatMap((c, i) => reviewClause(c, i, options));
  const all = clauses.join('\n');
  const missing: [string, string][] = [];
  if (!BASIS_STATEMENT.test(all) && !/《[^》]+》/.test(clauses.slice(0, 2).join(''))) {
    missing.push(['制定依据', 'basis of enactment']);
  }
  const dated = EFFECTIVE_DATE.exec(all);
  const onPublication = EFFECTIVE_ON_PUBLICATION.exec(all);
  if (!dated && !onPublication) missing.push(['施行日期', 'effective date']);
  const years = VALIDITY_YEARS.exec(all);
  const until = VALIDITY_UNTIL.exec(all);
  if (!years && !until) missing.push(['有效期', 'validity']);
  for (const [zh, en] of missing) out.push(finding('MISSING_PART', null, zh, [`缺少${zh}`, `The ${en} is missing`]));

  const minDays = options.effectiveMinDays ?? ruleOf('EFFECTIVE_TOO_SOON').policy!.value;
  const effective = dated ? iso(dated[1], dated[2], dated[3]) : null;
  if (onPublication) {
    out.push(
      finding('EFFECTIVE_TOO_SOON', null, onPublication[0], [
        `自公布之日起施行，未留出${minDays}日`,
        `Takes effect on publication, not ${minDays} days after`,
      ]),
    );
  } else if (effective && options.publishedOn && days(options.publishedOn, effective) < minDays) {
    out.push(
      finding('EFFECTIVE_TOO_SOON', null, dated![0], [
        `公布（${options.publishedOn}）后${days(options.publishedOn, effective)}日即施行，少于${minDays}日`,
        `Takes effect ${days(options.publishedOn, effective)} days after publication (${options.publishedOn}), fewer than ${minDays}`,
      ]),
    );
  }

  const provisional = /暂行|试行/.test(options.title ?? '');
  const maxYears = provisional
    ? (options.provisionalValidityMaxYears ?? 2)
    : (options.validityMaxYears ?? ruleOf('VALIDITY_TOO_LONG').policy!.value);
  let validityYears: number | null = years ? numberOf(years[2]) : null;
  if (until) {
    const start = effective ?? options.publishedOn;
    if (start) validityYears = days(start, iso(until[1], until[2], until[3])) / 365.25;
  }
  if (validityYears !== null && validityYears > maxYears + 0.01) {
    out.push(
      finding('VALIDITY_TOO_LONG', null, (years ?? until)![0], [
        `有效期约${Math.round(validityYears * 10) / 10}年，超过${maxYears}年`,
        `Validity of about ${Math.round(validityYears * 10) / 10} years exceeds ${maxYears}`,
      ]),
    );
  }
  return out.filter((f) => !options.disabled?.has(f.ruleId));
}

export { PRE_REVIEW_RULES };
