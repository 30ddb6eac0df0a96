import { tokens, type Token } from './segment';
import type { MeasureKind } from './rules';

/**
 * Small functions, one per measure, that say whether a sentence sets the measure. Each reads the sentence's words
 * (jieba) and a short window of text; a sentence where the measure is forbidden, waived or paid out ("不得收取…费",
 * "免收", "补贴…元/吨") sets nothing.
 */

/** Words that, before the measure's verb in the same sentence part, turn it into a prohibition, waiver or exemption. */
const NEGATORS = new Set([
  '不得',
  '禁止',
  '严禁',
  '不准',
  '不予',
  '免予',
  '免于',
  '免收',
  '免征',
  '免除',
  '不再',
  '取消',
  '停止',
  '杜绝',
  '一律不',
  '不收',
  '不收取',
  '减免',
  '免',
  '清理',
  '叫停',
  '不',
  '未',
  '无',
]);

/** A sentence part (split at ，；：) with its words. */
interface Part {
  text: string;
  words: string[];
}

function partsOf(sentence: string): Part[] {
  const words = tokens(sentence);
  const parts: Part[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length) parts.push({ text: current.map((t) => t.word).join(''), words: current.map((t) => t.word) });
    current = [];
  };
  for (const t of words) {
    if (/^[，,；;：:]$/.test(t.word)) flush();
    else current.push(t);
  }
  flush();
  return parts;
}

/** Whether a negator stands in the part before the word at `index` (or in the part's lead clause "不得…"). */
function negatedBefore(words: readonly string[], index: number): boolean {
  return words.slice(0, index).some((w) => NEGATORS.has(w));
}

/** "扣押、没收的犬只": the measure word used as an attribute of a thing, not as an act of the clause. */
function attributive(words: readonly string[], index: number): boolean {
  return /^(、[\u4e00-\u9fa5]{1,4})*的/.test(words.slice(index + 1).join(''));
}

/**
 * Another organ's measure that the clause only records (a court's 查封 noted in a register, 查封登记 as a kind of
 * registration), or an organ's application to the court to enforce (行政强制法 Art 53: the court enforces; the
 * clause creates no power of its own).
 */
const OTHER_ORGANS =
  /(人民法院|人民检察院|有权机关|司法机关)[^，。；]{0,20}(查封|扣押|冻结)|(查封|扣押|冻结)(事项|期限|登记)|申请[^，。；]{0,8}(人民法院|法院)[^，。；]{0,4}(强制)?执行/;

function indexOfWord(words: readonly string[], test: (w: string) => boolean): number {
  return words.findIndex(test);
}

const PENALTY_WORDS = [
  /^罚款$/,
  /^罚金$/,
  /^吊销/,
  /^没收/,
  /^行政拘留$/,
  /^拘留$/,
  /^责令停产停业$/,
  /^停产停业$/,
  /^责令关闭$/,
  /^降低资质等级$/,
  /^限制从业$/,
  /^暂扣/,
];
const PENALTY_VERBS = new Set(['处', '并处', '处以', '可处', '给予', '予以', '罚', '可以', '处罚']);

function penalty(part: Part, sentence: string): string | null {
  const { words } = part;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!PENALTY_WORDS.some((p) => p.test(w))) continue;
    if (negatedBefore(words, i) || attributive(words, i)) continue;
    if (w === '罚款' && !words.slice(0, i).some((x) => PENALTY_VERBS.has(x) || /元|倍/.test(x))) continue;
    if (/^暂扣/.test(w) && !/暂扣[^，。；]{0,12}(证|照)/.test(part.text)) continue;
    return w;
  }
  // 警告、通报批评 are penalties when given (给予警告), and "予以处罚/给予行政处罚" announces one of unnamed kind.
  const given =
    /(给予|予以|处以|处|进行|规定|的)(警告|通报批评|治安处罚|行政处罚|处罚)|》(第[^，。；]{1,12}条)?(的)?(规定|有关规定)?(给予|予以|进行)?处罚/.exec(
      part.text,
    );
  if (
    given &&
    !/(不予|免予|免于|从轻|减轻|不够刑事|刑事)(行政)?处罚/.test(
      given.input.slice(Math.max(0, given.index - 4), given.index + given[0].length),
    )
  ) {
    return given[0];
  }
  void sentence;
  return null;
}

/**
 * What makes a clause create a licence (行政许可法 Arts 2, 12, 14–17): an act allowed only after an organ's approval,
 * consent, registration or filing, or only to those with a qualification. Each pattern is one wording; the comments
 * name it. Approvals among organs (a plan "报本级人民政府批准后实施") are no licence: see `organsOwnApproval`.
 */
const LICENCE_PATTERNS: readonly RegExp[] = [
  // 未经…批准/许可/同意/登记/备案/准入…，不得…
  /未经[^，。；]{0,30}(批准|许可|审批|核准|同意|审核|登记|备案|准入|认定)[^。；]{0,40}(不得|禁止)/,
  // 须经/应当报经…批准 (with a few words between: 应当按照国家规定报…批准)
  /(须|必须|应当|应|需|需要)(先|事先)?[^，。；]{0,10}?(经|报经|报请|报|取得|获得|领取|办理)[^，。；]{0,30}(批准|许可|审批|核准|准许)/,
  /(取得|领取|办理|持有)[^，。；]{0,20}(许可证|许可|审批|批准文件|准予|资格证|经营证|准运证|登记证)[^。；]{0,12}(后|方可|才能|才可)/,
  /(经|报经)[^，。；]{0,30}(批准|许可|审批|核准)(后|的)?[^。；]{0,6}(方可|才能|才可|后方)/,
  /实行[^，。；]{0,12}(许可证?|审批|准入)(制度|管理|制)/,
  /(须|必须|应当|应)(先)?(取得|领取|持有)[^，。；]{0,20}(许可证|资格证|执照|持枪证|准运证|经营证)/,
  /(应当|须|必须)(向[^，。；]{0,20})?申请(取得)?[^，。；]{0,15}(许可|批准|审批)/,
  /办理[^，。；]{0,12}(审批|许可|批准)手续/,
  /，向[^，。；]{0,20}申请(取得)?[^，。；]{0,15}(许可|批准)/,
  /(凭|持)[^，。；]{0,12}(许可证|批准文件|准运证|通行证)[^，。；]{0,12}(方可|才能|进入|通行|经营)/,
  // 从事…的，应当具备下列条件，并经…批准
  /的，[^。；]{0,40}(并|须|必须|应当|应)(经|报经)[^，。；]{0,30}(批准|许可|核准|审批)/,
  // 须经/必须报…部门同意 (an organ's consent as a precondition)
  /(须|必须|应当|应|需)(先|事先)?(经|报经|报|征得|取得)[^，。；]{0,24}(部门|机关|人民政府|机构|管理处|委员会|局)[^，。；]{0,4}(同意|认可)/,
  // 办理登记/备案后方可 (registration or filing used as a precondition: a licence under another name)
  /(办理|经|通过|取得)[^，。；]{0,20}(登记|备案)(手续)?(后|之后)?[^，。；]{0,6}(方可|才能|才可)/,
  // 取得…资格/资质/准入…后方可
  /(取得|具备|具有|获得|通过)[^，。；]{0,16}(准入|资格|资质)(证书|证|审查|审核|认定)?[^，。；]{0,6}(后|方可|才能|才可)/,
  // (应当)取得…教师资格/执业资格 (a qualification required to practise: Art 12(3))
  /(须|必须|应当|应)(先)?(取得|持有)[^，。；]{0,12}(资格|资质)(证书|证)?(?![\u4e00-\u9fa5])/,
  // 在…部门许可/批准的…地点/场所/路线…进行 (an activity confined to a place or time an organ permits: Art 2)
  /在[^，。；]{0,20}(部门|机关|人民政府|机构|委员会|局|办公室|管委会|街道办事处)[^，。；]{0,4}(许可|批准|核准|准许|同意)的[^，。；]{0,16}(地点|场所|区域|地段|路线|时间|时段)(内|范围内)?(进行|举办|从事|开展|设置|经营|销售|燃放|停放|通行|活动)/,
];

/**
 * "应当取得而未取得…许可…的" describes the breach of a licence some other law requires, to attach a sanction or an
 * enforcement to it: the clause creates no licence of its own.
 */
const BREACH = /而未(经|取得|办理|获得|领取)/;

/**
 * Grants whose wording names an organ as the one who grants, so an organ before them is expected, not an approval
 * among organs: a certificate issued that permits an act ("核发养殖证，许可其使用该水域", Art 2), and an approval before
 * a permission to someone not an organ ("经海关批准，开发区可以设立保税仓库").
 */
const GRANTS: readonly RegExp[] = [
  /(核发|颁发|发给|发放)[^，。；]{0,15}(证|证书|执照)，?(许可|准予|准许)其/,
  /(?:^|，)经[^，。；]{0,20}(批准|许可|核准)，([^，。；]{0,12})(可以|方可|才能|准予)[^，。；]{0,4}(设立|设置|从事|经营|开展|建设|举办|进行|使用)/,
];

/**
 * "行政机关…未经…批准，不得…": the one who needs the approval is an organ. An organ's approval of another organ's act
 * is no administrative licence (行政许可法 Art 3 para 2: 行政机关对其他机关…的审批，不适用本法).
 */
const ORGAN_SUBJECT =
  /^(各级|县级以上|市|区|县|乡镇|本市|有关|各)?[^，。；、的在对向]{0,10}(行政机关|人民政府|主管部门|行政部门|部门|机关|局|委员会|办公室|管委会|街道办事处)/;

/** The text of the sentence part before `index` (from the last ，。；： before it). */
function leadOf(sentence: string, index: number): string {
  return (
    sentence
      .slice(0, index)
      .split(/[，。；：]/)
      .pop() ?? ''
  );
}

/** The text before the match names an organ as the one who acts: an approval among organs, not a licence. */
function organsOwnApproval(sentence: string, index: number, match: string): boolean {
  const lead =
    sentence
      .slice(0, index)
      .split(/[，。；：]/)
      .pop() ?? '';
  if (/(人民政府|部门|机关|机构|委员会|办公室|管委会|街道办事处)[^，。；]{0,4}$/.test(lead)) return true;
  if (/(人民政府|部门|机关|委员会|办公室|管委会)(应当|应|须|必须)/.test(lead + match.slice(0, 4))) return true;
  // what is approved is a plan, budget or list: an organ's own act
  return /(规划|预算|计划|名录|目录)[^，。；]{0,8}(报|经)/.test(lead + match);
}

const LICENCE_KEY = /批准|许可|审批|核准|同意|审核|准许|准予|证$|登记|备案|准入|资格|资质|认可|认定/;

function grant(sentence: string): string | null {
  for (const g of GRANTS) {
    const m = g.exec(sentence);
    if (!m) continue;
    // the one permitted is an organ (经…批准，区财政局可以…): an approval among organs (行政许可法 Art 3 para 2)
    if (m[2] !== undefined && ORGAN_SUBJECT.test(m[2])) continue;
    if (/(不得|禁止|严禁|不再|取消|无需|无须)[^，。；]{0,12}$/.test(sentence.slice(0, m.index + 1))) continue;
    return m[0].replace(/^，/, '');
  }
  return null;
}

function licence(part: Part, sentence: string): string | null {
  const granted = grant(sentence);
  if (granted) return granted;
  for (const p of LICENCE_PATTERNS) {
    const m = p.exec(sentence);
    if (!m) continue;
    // the key word must be a word of the sentence, not a piece of another word
    if (!tokens(m[0]).some((t) => LICENCE_KEY.test(t.word))) continue;
    if (
      /(不得|禁止|严禁|不再|取消|无需|无须|不需|不需要|免于|免予)[^。；]{0,8}(经|报|审批|许可|批准|取得|办理)/.test(
        m[0],
      )
    ) {
      continue;
    }
    if (
      /(不得|禁止|严禁|不再|取消|无需|无须|不需|不需要|免于|免予)[^，。；]{0,12}$/.test(sentence.slice(0, m.index + 1))
    ) {
      continue;
    }
    if (!m[0].startsWith('未经') && organsOwnApproval(sentence, m.index, m[0])) continue;
    if (BREACH.test(sentence.slice(m.index, m.index + m[0].length + 4))) continue;
    if (m[0].startsWith('未经') && ORGAN_SUBJECT.test(leadOf(sentence, m.index))) continue;
    // a place or time an organ permits is restricted in the pattern itself (规划 is an organ's own plan)
    if (/^在/.test(m[0]) && /(规划|计划)/.test(m[0])) continue;
    return m[0];
  }
  void part;
  return null;
}

const COMPULSORY_WORDS = [
  /^暂扣$/,
  /^查封$/,
  /^扣押$/,
  /^冻结$/,
  /^强制拆除$/,
  /^强制执行$/,
  /^代履行$/,
  /^强制隔离$/,
  /^限制人身自由$/,
  /^强行/,
  /^拆除$/,
];

function compulsory(part: Part): string | null {
  const { words } = part;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!COMPULSORY_WORDS.some((p) => p.test(w))) continue;
    if (negatedBefore(words, i) || attributive(words, i) || OTHER_ORGANS.test(part.text)) continue;
    // 拆除 alone is compulsory only when done by the authority (予以拆除、强制拆除、依法拆除 by an organ), not a duty
    if (w === '拆除' && !/(予以|强制|组织|依法)拆除/.test(part.text)) continue;
    if (w === '暂扣' && /暂扣[^，。；]{0,12}(证|照)/.test(part.text)) continue;
    if (w === '冻结' && !/(存款|汇款|账户|资金|财产)/.test(part.text)) continue;
    return w;
  }
  return null;
}

const COLLECT_VERBS = new Set([
  '收取',
  '收',
  '缴纳',
  '交纳',
  '征收',
  '计收',
  '加收',
  '缴',
  '交',
  '收缴',
  '征缴',
  '预收',
  '代收',
  '收费',
  '缴费',
  '交费',
]);
const FEE_WORD = /(费|费用|保证金|押金|附加|基金)$/;
const PAID_OUT = /(补贴|补助|奖励|奖补|资助|报销|返还|退还|扶持|救助|减免|减半|免费|优惠)/;
/**
 * A charge that private parties set for themselves, by the decision of their own self-governing body or by agreement
 * ("经业主大会决定…收取临时停车费", "按照合同约定收取"), is a civil price, not an administrative fee (行政事业性收费) that a
 * normative document could create (regulations.md §2.4 item 4 and 37号 speak of administrative charges).
 */
const PRIVATE_CHARGE =
  /经(业主大会|业主委员会|全体业主|业主共同|村民会议|村民代表会议|居民会议|成员大会|成员代表大会|股东会|股东大会|职工代表大会)[^。；]{0,8}(决定|同意|表决|讨论通过|决议)|(按照|依照|根据)[^，。；]{0,10}(合同|协议)?约定|(双方|当事人)[^，。；]{0,6}(协商|约定)/;

function fee(part: Part): string | null {
  const { words } = part;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!COLLECT_VERBS.has(w)) continue;
    if (negatedBefore(words, i)) continue;
    const after = words.slice(i + 1);
    const feeIndex = after.findIndex((x) => FEE_WORD.test(x) && !/^(免费|经费|费用支出|工作经费)$/.test(x));
    const selfFee = /^(收费|缴费|交费)$/.test(w);
    if (!selfFee && feeIndex < 0) continue;
    if (PAID_OUT.test(part.text)) continue;
    if (
      selfFee &&
      /(收费|缴费|交费)(标准|项目|目录|清单|公示|行为|许可)?(的|应当)?(公示|公开|明码标价)/.test(part.text) &&
      !/按|按照|标准为|元/.test(part.text)
    ) {
      continue;
    }
    // 执行/遵守…批准的收费标准: applying a tariff an organ set, not a charge the clause creates
    if (
      selfFee &&
      /(执行|遵守|适用)[^，。；]{0,16}(收费|缴费)(标准|项目|目录)/.test(part.text) &&
      !/元/.test(part.text)
    ) {
      continue;
    }
    return selfFee ? w : `${w}…${after[feeIndex]}`;
  }
  // "…费由…缴纳", "…费依照…征收": the fee named first
  const named =
    /([\u4e00-\u9fa5]{1,8}(费|保证金|押金))(由|按|依照|按照|依据)[^。；]{0,60}(缴纳|交纳|收取|征收|计收)/.exec(
      part.text,
    );
  if (
    named &&
    !PAID_OUT.test(part.text) &&
    !negatedBefore(
      words,
      indexOfWord(words, (x) => x.includes('费')),
    )
  ) {
    return named[0];
  }
  return null;
}

const DEFINITION = /^[^。；]{0,60}?(所称|所指)[^。；]{0,40}?是指|^[^，。；]{1,30}，?是指/;

/**
 * Substitute performance in substance, not in name (行政强制法 Arts 12, 50: 代履行 is a form of compulsory
 * enforcement): after the party fails to act within the term, the authority has the work done and the party pays
 * ("逾期未…的，…转为治理费用，由…部门组织治理", "…由…代为清除，费用由当事人承担").
 */
function substitutePerformance(sentence: string): string | null {
  const m =
    /(逾期|期限内未|拒不|仍未|未达到)[^。]{0,80}?(代为|组织|委托[^，。；]{0,10})(治理|清除|拆除|清理|恢复|修复|补种|处置|履行)/.exec(
      sentence,
    );
  if (!m) return null;
  const cost = /(费用|备用金|保证金)[^。]{0,30}(由(?![^，。；]{0,8}(财政|政府))[^，。；]{0,12}(承担|负担)|转为)/;
  return cost.test(sentence) ? m[0].slice(m[0].indexOf(m[2])) : null;
}

/** The measures one sentence sets, with the words that set each. */
export function measuresOf(sentence: string): { kind: MeasureKind; words: string }[] {
  const found = new Map<MeasureKind, string>();
  // a definition ("本规定所称…，是指…") says what a word means and sets nothing; what it names is set elsewhere
  if (DEFINITION.test(sentence)) return [];
  const substitute = substitutePerformance(sentence);
  if (substitute) found.set('COMPULSORY', substitute);
  const privateCharge = PRIVATE_CHARGE.test(sentence);
  for (const part of partsOf(sentence)) {
    const p = penalty(part, sentence);
    if (p && !found.has('PENALTY')) found.set('PENALTY', p);
    const c = compulsory(part);
    if (c && !found.has('COMPULSORY')) found.set('COMPULSORY', c);
    const f = privateCharge ? null : fee(part);
    if (f && !found.has('FEE')) found.set('FEE', f);
  }
  const l = licence(partsOf(sentence)[0] ?? { text: '', words: [] }, sentence);
  if (l) found.set('LICENCE', l);
  return [...found].map(([kind, words]) => ({ kind, words }));
}

const PRIVATE_PARTIES =
  /(企业|个人|公民|经营者|经营户|生产经营单位|生产经营者|申请人|当事人|业主|居民|市民|村民|从业人员|法人|其他组织|用人单位|建设单位|施工单位|物业服务企业|物业服务单位|物业服务人|驾驶人|商户|养犬人|参保人|承租人|出租人|所有人|使用人|投标人|供应商|考生|学生|家长|户主|租户|开发商|房地产开发企业|运输单位|排污单位|持证人|村（居）民|外来人员|商家|个体工商户|机动车所有人)/;
const GOVERNMENT =
  /(人民政府|部门|机关|局|委员会|办公室|管理处|街道办事处|管委会|中心|镇|乡|街道)(应当|应|负责|要|可以|会同)/;
const MODALS = /(应当|必须|(?<![无不])须|(?<![无不])需|不得|禁止|严禁|一律|不准|不予|取消|限制|列入)/;

/** Whether a sentence puts a duty on, or cuts a right of, citizens or organisations (and the words that do). */
export function obligationOf(sentence: string): string | null {
  for (const part of sentence.split(/[；;]/)) {
    const subject = PRIVATE_PARTIES.exec(part);
    const modal = MODALS.exec(part);
    if (
      /^(禁止|严禁)/.test(part.trim()) &&
      !GOVERNMENT.test(part) &&
      !/^(禁止|严禁)[^，。]{0,8}(向|对)/.test(part.trim())
    ) {
      return part.trim().slice(0, 12);
    }
    if (!subject || !modal) continue;
    if (modal.index < subject.index) {
      // "不得向企业收取…" binds the authority, not the party
      if (/(不得|禁止|严禁)[^，。]{0,6}(向|对|要求)/.test(part)) continue;
    }
    const lead = part.slice(0, subject.index);
    if (GOVERNMENT.test(lead + subject[0]) || /(人民政府|部门|机关)[^，。]{0,10}$/.test(lead)) continue;
    if (/(鼓励|支持|引导|倡导|可以|有权|享有|依法享有)/.test(part.slice(subject.index, modal.index + 2))) continue;
    if (modal.index < subject.index && !/^(禁止|严禁)/.test(part.slice(modal.index))) continue;
    return part.slice(subject.index, Math.min(part.length, modal.index + modal[0].length + 8));
  }
  return null;
}
