import type { LegalBasis } from './periods';

/**
 * The one table of legal bases. Every citation a procedure makes (a stage's basis in its definition, a refusal, a
 * ledger entry, the generated stage tables in docs/) is built from an entry here, so an article is corrected once.
 * `test/unit/legal-bases.spec.ts` checks each Decree 713 entry against the text of the decree
 * (`test/fixtures/law/decree-713.txt`: the `quote` must stand in the article and paragraph cited) and that no
 * procedure source spells an article of its own.
 *
 * Instruments whose text was not at hand (regulations.md §8: 国办发〔2018〕37号 above all) are marked unverified; a
 * citation of them reads “（待核实）” and is policy, not a hard gate.
 */
export const INSTRUMENTS = {
  D713: { title: '《重大行政决策程序暂行条例》（国务院令第713号）', verified: true },
  GB115: {
    title: '国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》',
    verified: true,
  },
  GB37: { title: '国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》', verified: false },
  FCR: { title: '《公平竞争审查条例》', verified: true },
  OBE: { title: '《优化营商环境条例》', verified: true },
  OGI: { title: '《政府信息公开条例》', verified: true },
  DEMO: { title: '法治政府建设示范指标', verified: false },
  ADVISERS: { title: '中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》', verified: false },
  JS158: { title: '《江苏省行政规范性文件管理规定》（江苏省人民政府令第158号）', verified: false },
  JS134: { title: '《江苏省重大行政决策程序实施办法》（江苏省人民政府令第134号）', verified: false },
  /** The district government's work rules (工作规则): its text was not at hand, so its quorum rule is policy. */
  WORK_RULES: { title: '区人民政府工作规则', verified: false },
  G118: {
    title: '国办发〔2018〕118号《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》',
    verified: true,
  },
  APL: { title: '《中华人民共和国行政处罚法》（2021）', verified: true },
  TRANSFER: { title: '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）', verified: true },
  GD_ER: { title: '《广东省重大行政执法决定法制审核办法》', verified: true },
  GPL: { title: '《中华人民共和国政府采购法》', verified: true },
  SME: { title: '《保障中小企业款项支付条例》（国务院令第802号）', verified: true },
  SPC_AGREEMENTS: { title: '《最高人民法院关于审理行政协议案件若干问题的规定》（法释〔2019〕17号）', verified: true },
  NT_CONTRACTS: { title: '南通市政府合同管理办法（通政规〔2024〕8号）', verified: true },
  FRR: { title: '《法规规章备案审查条例》（2024）', verified: true },
  G2008: { title: '国发〔2008〕17号《国务院关于加强市县政府依法行政的决定》', verified: true },
  LGO: { title: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》（2022）', verified: true },
} as const satisfies Record<string, { title: string; verified: boolean }>;

export type InstrumentKey = keyof typeof INSTRUMENTS;

export interface BasisEntry {
  readonly instrument: InstrumentKey;
  /** The article (and paragraph or item), as cited: 第十九条第二款, （七）. */
  readonly article: string;
  /** Words of the provision the citation relies on (checked against the decree's text for D713). */
  readonly quote?: string;
  /** Unverified even though the instrument is (e.g. a reading not yet confirmed). */
  readonly unverified?: boolean;
}

const d = (article: string, quote?: string): BasisEntry => ({
  instrument: 'D713',
  article,
  ...(quote ? { quote } : {}),
});

export const LEGAL_BASES = {
  // ---- 《重大行政决策程序暂行条例》 ----
  'D713/3': d('第三条', '本条例所称重大行政决策事项'),
  'D713/3.2': d('第三条第二款', '不适用本条例'),
  'D713/3.3': d('第三条第三款', '经同级党委同意后向社会公布'),
  'D713/10': d('第十条', '报请决策机关决定是否启动决策程序'),
  'D713/11': d('第十一条', '应当明确决策事项的承办单位'),
  'D713/12': d('第十二条', '拟订决策草案'),
  'D713/13': d('第十三条', '决策承办单位应当与其充分协商'),
  'D713/14': d('第十四条', '充分听取意见'),
  'D713/14.1': d('第十四条第一款', '依法不予公开的决策事项除外'),
  'D713/14.2': d('第十四条第二款', '可以采取座谈会、听证会'),
  'D713/14-18': d('第十四条至第十八条'),
  'D713/15': d('第十五条', '公开征求意见的期限一般不少于30日'),
  'D713/16': d('第十六条', '听证会材料应当于召开听证会7日前送达听证参加人'),
  'D713/17': d('第十七条', '听证参加人确认听证会记录并签字'),
  'D713/18': d('第十八条', '充分采纳合理意见'),
  'D713/19': d('第十九条', '应当组织专家、专业机构论证'),
  'D713/19.2': d('第十九条第二款', '提供书面论证意见的，应当署名、盖章'),
  'D713/19-20': d('第十九条、第二十条'),
  'D713/20': d('第二十条', '注重选择持不同意见的专家'),
  'D713/22': d('第二十二条', '组织评估决策草案的风险可控性'),
  'D713/22-24': d('第二十二条至第二十四条'),
  'D713/23': d('第二十三条', '明确风险点，提出风险防范措施和处置预案'),
  'D713/24': d('第二十四条', '认为风险不可控的'),
  'D713/25': d('第二十五条', '应当由负责合法性审查的部门进行合法性审查'),
  'D713/25.2': d('第二十五条第二款', '可以明示法律风险，提交决策机关讨论'),
  'D713/25-28': d('第二十五条至第二十八条'),
  'D713/26': d('第二十六条', '履行决策法定程序的说明'),
  'D713/26.2': d('第二十六条第二款', '一般不少于7个工作日'),
  'D713/28': d('第二十八条', '负责合法性审查的部门应当及时提出合法性审查意见'),
  'D713/29': d('第二十九条', '应当报送下列材料'),
  'D713/29.2': d('第二十九条第（二）项', '履行公众参与程序的'),
  'D713/30': d('第三十条', '常务会议或者全体会议讨论'),
  'D713/31': d('第三十一条', '向同级党委请示报告'),
  'D713/32': d('第三十二条', '本级人民政府公报和政府网站以及在本行政区域内发行的报纸'),
  'D713/33': d('第三十三条', '及时完整归档'),
  'D713/34': d('第三十四条', '报告决策执行情况'),
  'D713/34-36': d('第三十四条至第三十六条'),
  'D713/35': d('第三十五条', '应当及时向决策机关报告'),
  'D713/36': d('第三十六条', '决策作出前承担主要论证评估工作的单位除外'),
  'D713/37': d('第三十七条', '决策机关行政首长可以先决定中止执行'),
  'D713/38': d('第三十八条', '实行终身责任追究'),
  // ---- 国办发〔2018〕115号 (合法性审核机制) ----
  'GB115/3': { instrument: 'GB115', article: '（三）应审必审' },
  'GB115/5': { instrument: 'GB115', article: '（五）审核材料齐全' },
  'GB115/5.own': { instrument: 'GB115', article: '（五）本单位合法性审核意见' },
  'GB115/5.time': {
    instrument: 'GB115',
    article: '（五）审核时限一般不少于5个工作日、最长不超过15个工作日',
  },
  'GB115/6': { instrument: 'GB115', article: '（六）审核意见；未采纳审核意见应说明理由和依据' },
  'GB115/7': { instrument: 'GB115', article: '（七）未经合法性审核或者经审核不合法的，不得提交集体审议' },
  // ---- 国办发〔2018〕37号 (制定和监督管理; text not at hand) ----
  'GB37/approval': { instrument: 'GB37', article: '严格制发程序（立项）' },
  'GB37/drafting': { instrument: 'GB37', article: '严格制发程序（起草、评估论证）' },
  'GB37/procedure': { instrument: 'GB37', article: '严格制发程序' },
  'GB37/deliberation': { instrument: 'GB37', article: '集体审议决定；主要负责人签发' },
  'GB37/registration': { instrument: 'GB37', article: '统一登记、统一编号、统一印发' },
  'GB37/filing': { instrument: 'GB37', article: '备案审查' },
  'GB37/validity': { instrument: 'GB37', article: '有效期、评估与清理' },
  'GB37/expiry': { instrument: 'GB37', article: '有效期届满自动失效' },
  'GB37/cleanup': { instrument: 'GB37', article: '清理、废止' },
  'GB37/cleanup-cadence': { instrument: 'GB37', article: '定期清理、及时清理行政规范性文件' },
  'GB37/comment': { instrument: 'GB37', article: '严格制发程序（公开征求意见，一般不少于7个工作日）' },
  'WORK_RULES/quorum': { instrument: 'WORK_RULES', article: '常务会议、全体会议须有过半数组成人员出席方能举行' },
  'GB37/effective-date': {
    instrument: 'GB37',
    article: '自公布之日起30日后施行；因公共利益等需要公布后立即施行的除外（施行日期）',
  },
  'GB37/shorter-validity': { instrument: 'GB37', article: '有效期（可以规定较短的有效期）' },
  'GB37/evaluation': { instrument: 'GB37', article: '有效期届满前评估：继续施行、修改或者失效' },
  'JS158/filing': {
    instrument: 'JS158',
    article: '备案（政府规范性文件报上一级人民政府和本级人大常委会；部门规范性文件报本级人民政府）',
  },
  'JS158/deliberation': {
    instrument: 'JS158',
    article: '集体审议（政府文件经政府常务会议，部门文件经部门办公会议／局务会议）',
  },
  // ---- Others ----
  'FCR/2,13,14,18': { instrument: 'FCR', article: '第二条、第十三条、第十四条、第十八条' },
  'FCR/2': { instrument: 'FCR', article: '第二条' },
  'FCR/12': { instrument: 'FCR', article: '第十二条' },
  'FCR/14': { instrument: 'FCR', article: '第十四条' },
  'OBE/62': { instrument: 'OBE', article: '第六十二条（一般不少于30日）' },
  'OBE/64': { instrument: 'OBE', article: '第六十四条' },
  'OGI/20,26': { instrument: 'OGI', article: '第二十条、第二十六条' },
  'OGI/23': { instrument: 'OGI', article: '第二十三条' },
  'DEMO/24': { instrument: 'DEMO', article: '第24项（公开征求意见一般不少于7个工作日）' },
  'ADVISERS/drafting': { instrument: 'ADVISERS', article: '法律顾问参与规范性文件草案的起草、论证' },
  'ADVISERS/review': { instrument: 'ADVISERS', article: '法律顾问、公职律师提出法律意见' },
  'ADVISERS/contract-review': { instrument: 'ADVISERS', article: '政府合同合法性审查' },
  'ADVISERS/no-signing': { instrument: 'ADVISERS', article: '未经合法性审查不得签订' },
  // ---- major law-enforcement decisions (enforcement-contracts-filing.md §1) ----
  'G118/12': { instrument: 'G118', article: '（十二）' },
  'G118/13': { instrument: 'G118', article: '（十三）' },
  'G118/14': { instrument: 'G118', article: '（十四）' },
  'APL/47': { instrument: 'APL', article: '第四十七条' },
  'APL/48': { instrument: 'APL', article: '第四十八条' },
  'APL/48.2': { instrument: 'APL', article: '第四十八条第二款' },
  'APL/57': { instrument: 'APL', article: '第五十七条' },
  'APL/57.2': { instrument: 'APL', article: '第五十七条第二款' },
  'APL/58': { instrument: 'APL', article: '第五十八条' },
  'APL/58.2': { instrument: 'APL', article: '第五十八条第二款' },
  'TRANSFER/3': { instrument: 'TRANSFER', article: '第三条' },
  'TRANSFER/5': { instrument: 'TRANSFER', article: '第五条' },
  'TRANSFER/6': { instrument: 'TRANSFER', article: '第六条' },
  'TRANSFER/11': { instrument: 'TRANSFER', article: '第十一条' },
  'GD_ER/9': { instrument: 'GD_ER', article: '第九条' },
  // ---- government contracts (enforcement-contracts-filing.md §2) ----
  'NT_CONTRACTS/4': { instrument: 'NT_CONTRACTS', article: '第四条' },
  'GPL/47': { instrument: 'GPL', article: '第四十七条' },
  'SME/8-13': { instrument: 'SME', article: '第八条至第十三条' },
  'SME/9': { instrument: 'SME', article: '第九条' },
  'SPC_AGREEMENTS/24': { instrument: 'SPC_AGREEMENTS', article: '第二十四条' },
  'SPC_AGREEMENTS/25': { instrument: 'SPC_AGREEMENTS', article: '第二十五条' },
  'SPC_AGREEMENTS/26': { instrument: 'SPC_AGREEMENTS', article: '第二十六条' },
  // Filing review on the receiving side (enforcement-contracts-filing.md §3): the 2024 rule is the model.
  'FRR/3': { instrument: 'FRR', article: '第三条（有件必备、有备必审、有错必纠）' },
  'FRR/8': { instrument: 'FRR', article: '第八条（备案报告、文本、说明等材料）' },
  'FRR/9': { instrument: 'FRR', article: '第九条（登记、不予登记、暂缓登记）' },
  'FRR/10': { instrument: 'FRR', article: '第十条（定期公布备案目录）' },
  'FRR/11': { instrument: 'FRR', article: '第十一条' },
  'FRR/13': { instrument: 'FRR', article: '第十三条（审查内容）' },
  'FRR/18': { instrument: 'FRR', article: '第十八条（沟通纠正；书面审查意见）' },
  'FRR/20.2': { instrument: 'FRR', article: '第二十条第二款（技术问题）' },
  'FRR/21': { instrument: 'FRR', article: '第二十一条（三十日内报告处理情况）' },
  'FRR/22': { instrument: 'FRR', article: '第二十二条（年度目录）' },
  'FRR/23': { instrument: 'FRR', article: '第二十三条（不报送、不按时报送备案）' },
  'G2008/14': { instrument: 'G2008', article: '（十四）规范性文件发布之日起15日内报送备案' },
  'LGO/73.3': { instrument: 'LGO', article: '第七十三条第三项（改变或者撤销不适当的命令、指示）' },
  'LGO/75': { instrument: 'LGO', article: '第七十五条（公布并备案）' },
} as const satisfies Record<string, BasisEntry>;

export type LegalBasisKey = keyof typeof LEGAL_BASES;

/** The article an entry cites (第十九条第二款), for a description that names the article in its own words. */
export function articleOf(key: LegalBasisKey): string {
  return LEGAL_BASES[key].article;
}

function entry(key: LegalBasisKey): BasisEntry {
  return LEGAL_BASES[key];
}

function verifiedEntry(e: BasisEntry): boolean {
  return INSTRUMENTS[e.instrument].verified && !e.unverified;
}

/**
 * The legal basis of one or more entries of the same instrument, as a stage or a task carries it:
 * `legalBasis('D713/19', 'D713/20')` → `{ regulation: 《…》, article: 第十九条、第二十条, verified: true }`.
 */
export function legalBasis(...keys: [LegalBasisKey, ...LegalBasisKey[]]): LegalBasis {
  const entries = keys.map(entry);
  const instrument = entries[0].instrument;
  if (entries.some((e) => e.instrument !== instrument)) {
    throw new Error(`legalBasis(${keys.join(', ')}): one instrument per basis; use cite() for several.`);
  }
  return {
    regulation: INSTRUMENTS[instrument].title,
    article: entries.map((e) => e.article).join('、'),
    verified: entries.every(verifiedEntry),
  };
}

/**
 * A citation in words for a refusal or a ledger entry: entries grouped by instrument, in the order given, each group
 * `《instrument》 articles`, an unverified one marked （待核实）. `cite('D713/25', 'D713/29')` →
 * `《重大行政决策程序暂行条例》（国务院令第713号） 第二十五条、第二十九条`.
 */
export function cite(...keys: [LegalBasisKey, ...LegalBasisKey[]]): string {
  const groups = new Map<InstrumentKey, BasisEntry[]>();
  for (const key of keys) {
    const e = entry(key);
    groups.set(e.instrument, [...(groups.get(e.instrument) ?? []), e]);
  }
  return [...groups.entries()]
    .map(([instrument, entries]) => {
      const text = `${INSTRUMENTS[instrument].title} ${entries.map((e) => e.article).join('、')}`;
      return entries.every(verifiedEntry) ? text : `${text}（待核实）`;
    })
    .join('；');
}
