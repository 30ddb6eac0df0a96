import { LawList } from './laws';
import { measuresOfClause, reviewClause, reviewDocument } from './review';
import { PRE_REVIEW_RULES } from './rules';

const ids = (text: string, options = {}) => reviewClause(text, 0, options).map((f) => f.ruleId);

describe('pre-review rules', () => {
  it('every rule cites its basis, and the measure rules the ranks that may create the measure', () => {
    for (const rule of PRE_REVIEW_RULES) {
      expect(rule.basis.length).toBeGreaterThan(0);
      if (rule.measure) expect(rule.requiredRanks?.length).toBeGreaterThan(0);
    }
  });

  it('flags a fine the clause sets on its own (行政处罚法 Art 16) and names the words and the list it read', () => {
    const [f] = reviewClause('对未按规定分类投放生活垃圾的个人，由城管部门处五十元以上二百元以下罚款。');
    expect(f.ruleId).toBe('PENALTY_WITHOUT_BASIS');
    expect(f.words).toBe('罚款');
    expect(f.basisStatus).toBe('NONE');
    expect(f.basis.map((b) => b.article)).toContain('第十六条');
    expect(f.lawList?.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('does not flag a penalty quoted with its higher-law article', () => {
    const text = '违反本规定的，依照《中华人民共和国大气污染防治法》第一百一十九条的规定处罚。';
    expect(measuresOfClause(text)).toEqual([expect.objectContaining({ kind: 'PENALTY', basisStatus: 'RANKED' })]);
    expect(ids(text)).toEqual([]);
  });

  it('reads words, not characters: 没收入 is no confiscation, 收费 in a prohibition and a subsidy per tonne are no fee', () => {
    expect(ids('企业没收入的月份，可以申请缓缴社会保险费。')).toEqual([]);
    expect(ids('各部门不得向企业收取任何形式的保证金、押金。')).toEqual([]);
    expect(ids('对年处理餐厨废弃物达到一万吨以上的企业，按照每吨三十元的标准给予运营补贴。')).toEqual([]);
    expect(ids('进入景区的车辆，应当按每车次二十元缴纳生态保护费。')).toEqual(['FEE_WITHOUT_BASIS']);
  });

  it('finds a licence under another name: registration, filing, qualification, consent, conditions with approval', () => {
    const licence = ['LICENCE_WITHOUT_BASIS'];
    expect(ids('未经区市场监督管理局登记，任何单位不得以农贸市场名义招租经营。')).toEqual(licence);
    expect(ids('开设托管机构的，应当向区教育局备案，经备案后方可招收学生。')).toEqual(licence);
    expect(ids('从事护理服务的人员，须取得区民政局认定的上岗资格后，方可上岗。')).toEqual(licence);
    expect(ids('在本区道路上设置临时摊点的，必须报区城市管理局同意。')).toEqual(licence);
    expect(ids('举办大型活动的，应当具备下列条件，并经区文化和旅游局批准：')).toEqual(licence);
    expect(ids('发掘古生物化石的，应当报有批准权的区自然资源局批准。')).toEqual(licence);
  });

  it('does not take an approval among organs, or one the national rules require, for a licence the clause creates', () => {
    expect(ids('区自然资源局应当编制本区国土空间专项规划，报区人民政府批准后实施。')).toEqual([]);
    expect(ids('区属国有企业年度投资计划经区国资办审核后，报区人民政府批准。')).toEqual([]);
    expect(ids('发掘古生物化石的，应当按照国家规定报有批准权的国土资源主管部门批准。')).toEqual([]);
    expect(ids('区人民政府各部门制定的规范性文件，应当报区司法局备案。')).toEqual([]);
  });

  it('finds an activity confined to a place an organ permits (a licence, 行政许可法 Art 2)', () => {
    expect(ids('户外演出应当在区文化和旅游局批准的临时场所进行。')).toEqual(['LICENCE_WITHOUT_BASIS']);
    expect(ids('建设项目应当在区人民政府批准的规划区域内进行。')).toEqual([]);
  });

  it('takes no licence from an organ bound to seek approval (Art 3 para 2) or from a breach of a licence required elsewhere', () => {
    expect(ids('各部门未经区人民政府批准，不得对企业开展评比达标活动。')).toEqual([]);
    expect(ids('任何单位未经区城市管理局批准，不得在道路上设置广告牌。')).toEqual(['LICENCE_WITHOUT_BASIS']);
    expect(ids('经营者依法应当取得而未取得许可证擅自经营的，由区市场监督管理局依法查处。')).toEqual([]);
  });

  it('takes no administrative fee from a charge private parties set by their own decision or agreement', () => {
    expect(ids('经业主大会决定，小区公共场地可以对外开放并收取场地使用费。')).toEqual([]);
    expect(ids('使用公共场地的单位应当向街道办事处缴纳场地使用费。')).toEqual(['FEE_WITHOUT_BASIS']);
  });

  it('finds a certificate that permits, an approval before a permission, and a qualification required to practise', () => {
    const licence = ['LICENCE_WITHOUT_BASIS'];
    expect(ids('符合条件的，由区农业农村局核发经营证，许可其在指定水域从事垂钓经营。')).toEqual(licence);
    expect(ids('经区商务局批准，经营者可以设立临时展销点。')).toEqual(licence);
    expect(ids('从事家政服务的人员应当取得相应的职业资格。')).toEqual(licence);
    expect(ids('经区人民政府批准，区财政局可以设立专项资金。')).toEqual([]);
    expect(ids('取得职业资格的人员，可以优先录用。')).toEqual([]);
  });

  it('sets nothing in a definition, in 查封登记, in an application to the court, or in applying a tariff', () => {
    expect(ids('本办法所称临时摊点，是指经区城市管理局批准设置的摊点。')).toEqual([]);
    expect(ids('不动产登记包括首次登记、查封登记和预告登记。')).toEqual([]);
    expect(ids('当事人逾期不履行的，由作出决定的机关申请人民法院强制执行。')).toEqual([]);
    expect(measuresOfClause('区公共停车场应当执行区发展改革局核定的收费标准。')).toEqual([]);
  });

  it('finds substitute performance in substance: the authority has the work done and the party pays', () => {
    expect(
      ids('逾期未清除的，由区城市管理局组织清除，所需费用由当事人承担。').filter(
        (r) => r !== 'OBLIGATION_WITHOUT_BASIS',
      ),
    ).toEqual(['COMPULSORY_WITHOUT_BASIS']);
    expect(ids('逾期未清除的，由区城市管理局组织清除，所需费用由区财政承担。')).toEqual([]);
  });

  it('finds licences, compulsory measures and duties created without a basis', () => {
    expect(ids('民宿经营者须经镇人民政府审批后方可开业。')).toEqual(['LICENCE_WITHOUT_BASIS']);
    expect(ids('城管部门对占道经营者的物品可以予以扣押。')).toEqual(['COMPULSORY_WITHOUT_BASIS']);
    expect(ids('辖区商户必须在每日十八时前完成门前卫生清扫，并拍照上传至街道平台。')).toEqual([
      'OBLIGATION_WITHOUT_BASIS',
    ]);
    expect(ids('区司法局负责本办法的组织实施和监督检查。')).toEqual([]);
  });

  it('a law cited that the list says was repealed: the finding names what replaced it and the source sentence', () => {
    const findings = reviewClause('违反本通知的，依照《中华人民共和国治安管理处罚条例》第二十四条处罚。');
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['PENALTY_WITHOUT_BASIS', 'REPEALED_LAW_CITED']);
    const repealed = findings.find((f) => f.ruleId === 'REPEALED_LAW_CITED')!;
    expect(repealed.cited[0].repealedBy).toBe('中华人民共和国治安管理处罚法');
  });

  it('an administrator’s override of the list counts (a law repealed after the list was dated)', () => {
    const laws = new LawList(undefined, [
      {
        name: '中华人民共和国广告法',
        status: 'REPEALED',
        rank: null,
        repealedBy: null,
        reason: 'test',
        changedAt: '2026-01-01',
      },
    ]);
    expect(ids('依照《中华人民共和国广告法》的规定处罚。', { laws }).sort()).toEqual([
      'PENALTY_WITHOUT_BASIS',
      'REPEALED_LAW_CITED',
    ]);
  });

  it('a rule switched off finds nothing', () => {
    expect(
      ids('养犬人未为犬只办理登记的，没收其犬只，并处五百元罚款。', { disabled: new Set(['PENALTY_WITHOUT_BASIS']) }),
    ).toEqual([]);
  });

  it('checks a document: effective date, validity and mandatory parts', () => {
    const doc = '各部门：\n一、各部门应当落实防汛值班制度。\n本通知自印发之日起施行，有效期8年。';
    const found = reviewDocument(doc, { publishedOn: '2025-04-01', title: '关于做好防汛工作的通知' })
      .filter((f) => f.clause === null)
      .map((f) => `${f.ruleId}:${f.words}`);
    expect(found.sort()).toEqual([
      'EFFECTIVE_TOO_SOON:自印发之日起施行',
      'MISSING_PART:制定依据',
      'VALIDITY_TOO_LONG:有效期8年',
    ]);
  });
});
