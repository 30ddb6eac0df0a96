import type { LawRank } from './laws';

/** The measures a normative document may not create on its own (国办发〔2018〕37号 (一); regulations.md §2.4 item 4). */
export type MeasureKind = 'PENALTY' | 'LICENCE' | 'COMPULSORY' | 'FEE';
export const MEASURE_KINDS: readonly MeasureKind[] = ['PENALTY', 'LICENCE', 'COMPULSORY', 'FEE'];

export type PreReviewRuleId =
  | 'PENALTY_WITHOUT_BASIS'
  | 'LICENCE_WITHOUT_BASIS'
  | 'COMPULSORY_WITHOUT_BASIS'
  | 'FEE_WITHOUT_BASIS'
  | 'OBLIGATION_WITHOUT_BASIS'
  | 'REPEALED_LAW_CITED'
  | 'EFFECTIVE_TOO_SOON'
  | 'VALIDITY_TOO_LONG'
  | 'MISSING_PART';

/** A legal basis a rule cites: the instrument, its article and what it says (in short). */
export interface RuleBasis {
  instrument: string;
  article: string;
  says: string;
}

/** A pre-review rule as data: what it finds, why (its basis), and for a measure the ranks that may create it. */
export interface PreReviewRule {
  id: PreReviewRuleId;
  title: [string, string];
  basis: readonly RuleBasis[];
  /** Only for the four measure rules: the measure and the ranks of law that may create it. */
  measure?: MeasureKind;
  requiredRanks?: readonly LawRank[];
  /** A value a policy sets, and whether that value is verified for Jiangsu. */
  policy?: { value: number; unit: string; verified: boolean; note: string };
}

const GUOBAN_37: RuleBasis = {
  instrument: '国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）',
  article: '一（一）',
  says: '行政规范性文件不得设定行政许可、行政处罚、行政强制等事项，不得违法减损公民、法人和其他组织的合法权益或者增加其义务',
};

export const PRE_REVIEW_RULES: readonly PreReviewRule[] = [
  {
    id: 'PENALTY_WITHOUT_BASIS',
    title: ['设定行政处罚但无相应位阶的依据', 'Creates an administrative penalty without a basis of the required rank'],
    measure: 'PENALTY',
    requiredRanks: ['LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'DEPARTMENT_RULE', 'LOCAL_RULE'],
    basis: [
      {
        instrument: '中华人民共和国行政处罚法（2021）',
        article: '第十六条',
        says: '除法律、法规、规章外，其他规范性文件不得设定行政处罚',
      },
      GUOBAN_37,
    ],
  },
  {
    id: 'LICENCE_WITHOUT_BASIS',
    title: ['设定行政许可但无相应位阶的依据', 'Creates an administrative licence without a basis of the required rank'],
    measure: 'LICENCE',
    requiredRanks: ['LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION'],
    basis: [
      {
        instrument: '中华人民共和国行政许可法（2019）',
        article: '第十四条、第十五条',
        says: '法律、行政法规、地方性法规可以设定行政许可；省级政府规章可以设定临时性的行政许可',
      },
      {
        instrument: '中华人民共和国行政许可法（2019）',
        article: '第十七条',
        says: '除第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可',
      },
      GUOBAN_37,
    ],
  },
  {
    id: 'COMPULSORY_WITHOUT_BASIS',
    title: [
      '设定行政强制但无相应位阶的依据',
      'Creates an administrative compulsory measure without a basis of the required rank',
    ],
    measure: 'COMPULSORY',
    requiredRanks: ['LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION'],
    basis: [
      {
        instrument: '中华人民共和国行政强制法',
        article: '第十条',
        says: '行政强制措施由法律设定；法律、法规以外的其他规范性文件不得设定行政强制措施',
      },
      { instrument: '中华人民共和国行政强制法', article: '第十三条', says: '行政强制执行由法律设定' },
      GUOBAN_37,
    ],
  },
  {
    id: 'FEE_WITHOUT_BASIS',
    title: ['设定收费但无法律、法规依据', 'Creates a fee without a basis in a law or regulation'],
    measure: 'FEE',
    requiredRanks: ['LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION'],
    basis: [
      {
        instrument: 'regulations.md §2.4（合法性审核要点）',
        article: '第4项',
        says: '是否违法设定行政征收、行政收费等事项',
      },
      GUOBAN_37,
    ],
  },
  {
    id: 'OBLIGATION_WITHOUT_BASIS',
    title: ['增加义务或减损权利但未援引上位法', 'Adds an obligation or cuts a right without citing a higher law'],
    basis: [
      GUOBAN_37,
      {
        instrument: 'regulations.md §2.4（合法性审核要点）',
        article: '第5项',
        says: '没有法律、法规依据，不得减损公民、法人和其他组织的合法权益或者增加其义务',
      },
    ],
  },
  {
    id: 'REPEALED_LAW_CITED',
    title: ['援引已废止的法律文件', 'Cites a repealed law'],
    basis: [
      {
        instrument: 'regulations.md §2.4（合法性审核要点）',
        article: '第3项',
        says: '内容是否符合宪法、法律、法规、规章',
      },
    ],
  },
  {
    id: 'EFFECTIVE_TOO_SOON',
    title: ['施行日期距公布时间过短', 'Takes effect too soon after publication'],
    basis: [{ instrument: '本地政策（默认值，未核实）', article: '—', says: '规范性文件一般自公布之日起30日后施行' }],
    policy: { value: 30, unit: 'days', verified: false, note: 'Common local rule; the Jiangsu wording was not read.' },
  },
  {
    id: 'VALIDITY_TOO_LONG',
    title: ['有效期超过政策上限', 'Validity longer than policy allows'],
    basis: [
      {
        instrument: 'regulations.md B12（类比：R22、R32）',
        article: '—',
        says: '有效期一般不超过5年；暂行、试行不超过2年',
      },
    ],
    policy: {
      value: 5,
      unit: 'years',
      verified: false,
      note: 'Analogue of other provinces (R22, R32); Jiangsu values unverified.',
    },
  },
  {
    id: 'MISSING_PART',
    title: ['缺少必备内容（制定依据、施行日期、有效期）', 'Missing a mandatory part (basis, effective date, validity)'],
    basis: [
      { instrument: 'regulations.md B12、§2.4', article: '—', says: '规范性文件应载明制定依据、施行日期和有效期' },
    ],
  },
];

export const PRE_REVIEW_RULE_IDS: readonly PreReviewRuleId[] = PRE_REVIEW_RULES.map((r) => r.id);

export function ruleOf(id: PreReviewRuleId): PreReviewRule {
  const rule = PRE_REVIEW_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown pre-review rule ${id}`);
  return rule;
}

export function isPreReviewRuleId(value: unknown): value is PreReviewRuleId {
  return typeof value === 'string' && (PRE_REVIEW_RULE_IDS as readonly string[]).includes(value);
}

/** The rule of a measure kind. */
export const MEASURE_RULE: Record<MeasureKind, PreReviewRuleId> = {
  PENALTY: 'PENALTY_WITHOUT_BASIS',
  LICENCE: 'LICENCE_WITHOUT_BASIS',
  COMPULSORY: 'COMPULSORY_WITHOUT_BASIS',
  FEE: 'FEE_WITHOUT_BASIS',
};
