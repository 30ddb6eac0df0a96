import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@lawgate/config';
import { FILING_STANDARDS, Role } from '@lawgate/domain';
import { DocumentRepository } from '@lawgate/persistence';
import type { TemporalClientService } from '@lawgate/temporal';
import { FilingArrivals } from '../../activities/filing-arrival';
import { filingReviewWrittenBack } from '../../activities/filing-write-back';
import { createAccount } from '../support/accounts';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { recordCounts, validApplication } from '../support/records';
import { useStack } from '../support/stack';
import { testEnv, uniqueSuffix } from '../support/test-env';
import { parseXml } from '../support/xml';
import { inInbox } from '../support/inbox';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  late: boolean;
  documents: Record<string, { sha256: string }>;
  filing?: { filingId: string; status: string } | null;
  origin: { procedureId: string; filingId: string } | null;
  document: { documentNumber: string; issuerName: string };
  followUps: { action: string }[];
  opinions: { outcome: string; reviewedSha256: string }[];
  steps: { decision: string }[];
}
interface ErrorBody {
  code: string;
  message: string;
}
type Res = HttpResult<Snapshot & ErrorBody>;

const standards = (failed: Record<string, string> = {}) =>
  FILING_STANDARDS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '' }));
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const file = (kind: string, text: string) => ({
  kind,
  filename: `${kind.toLowerCase()}.txt`,
  mediaType: 'text/plain',
  contentBase64: b64(text),
});
const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);

/**
 * The filing review on the receiving side over HTTP with the demonstration periods: a department's normative document
 * filed inside LawGate arrives as a case and passes into the public catalog; packages filed from outside are refused,
 * deferred and supplemented, or corrected after a written opinion; steps out of order are refused naming the article;
 * a missing filing is noticed and followed up.
 */
describe('the filing review (规范性文件备案审查) through the API', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-fr', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  // A department's own document is deliberated at its own meeting and signed by its own leader.
  let bureauLeader: string;
  beforeAll(async () => {
    ({ http, db } = stack);
    bureauLeader = await createAccount(http, {
      prefix: 'leader.edu',
      displayName: '教育局局长',
      unitCode: 'JT-EDU',
      roles: [Role.Leader],
    });
  });

  const ok = (res: Res): Snapshot => {
    expect({ status: res.status, message: res.status < 300 ? null : res.body.message }).toEqual({
      status: res.status < 300 ? res.status : 200,
      message: null,
    });
    return res.body;
  };
  const live = async (id: string) =>
    (await http.as<{ live: Snapshot }>('officer.zhang', 'GET', `/api/procedures/${id}`)).body.live;
  const step = (id: string, user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot & ErrorBody>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const upload = async (user: string, id: string, kind: string, text: string) => {
    const res = await http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/documents/${kind}`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const fileFromOutside = (user: string, extra: Record<string, unknown> = {}) =>
    http.as<Snapshot & ErrorBody>(user, 'POST', '/api/procedures/filing-reviews', {
      body: {
        title: `金坛区市场主体信用分类监管办法（${uniqueSuffix()}）`,
        documentNumber: `坛市监规〔2026〕${uniqueSuffix()}号`,
        publishedOn: today(),
        files: [
          file('DRAFT', '第一条 为加强信用监管，制定本办法。\n第五条 对失信主体处五千元罚款。\n'),
          file('FILING_REPORT', '关于报送备案的报告'),
        ],
        ...extra,
      },
    });
  const stepOk = async (id: string, user: string, name: string, body: unknown = {}) =>
    ok(await step(id, user, name, body));
  const review = (id: string, s: Snapshot, outcome: string, list = standards(), request?: string) =>
    step(id, 'officer.zhang', 'review', {
      outcome,
      reasons: '经审查',
      standards: list,
      reviewedSha256: s.documents.DRAFT.sha256,
      ...(request ? { request } : {}),
    });
  async function refused(id: string, request: () => Promise<Res>, status: number, mentions: string[]) {
    const counts = await recordCounts(db);
    const before = await live(id);
    const res = await request();
    expect(res.status).toBe(status);
    for (const text of mentions) expect(res.body.message).toContain(text);
    expect(await recordCounts(db)).toEqual(counts);
    expect(await live(id)).toEqual(before);
  }

  /** A department's own normative document taken to publication inside LawGate (the drafting side's steps). */
  async function publishedByDepartment(title: string): Promise<Snapshot> {
    const drafter = async (id: string, name: string, body: unknown = {}) =>
      ok(await step(id, 'drafter.edu', name, body));
    let s = ok(
      await http.as<Snapshot & ErrorBody>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: {
          projectCode: uniqueSuffix(),
          title,
          application: { ...validApplication, touchesBusiness: false, issuer: 'DEPARTMENT' },
        },
      }),
    );
    const id = s.procedureId;
    ok(await step(id, 'officer.zhang', 'project-approval', { decision: 'APPROVED', opinion: '同意立项' }));
    await upload('drafter.edu', id, 'DRAFT', `${title}\n第一条 为规范管理，制定本办法。\n`);
    await upload('drafter.edu', id, 'DRAFTING_EXPLANATION', '起草说明');
    await upload('drafter.edu', id, 'BASIS_LIST', '制定依据');
    await upload('drafter.edu', id, 'OWN_LEGALITY_OPINION', '经本单位审核，合法。');
    s = await drafter(id, 'complete-drafting', { note: '完成' });
    if (s.stage === 'FAIR_COMPETITION_REVIEW') {
      await drafter(id, 'fair-competition-review', { conclusion: 'COMPLIANT', summary: '未含排除、限制竞争内容' });
    }
    await drafter(id, 'comment-window', {});
    await eventually(async () => expect((await live(id)).stage).toBe('PUBLIC_COMMENT'));
    await eventually(
      async () =>
        expect(((await live(id)) as unknown as { commentWindow: { closed: boolean } }).commentWindow.closed).toBe(true),
      30000,
    );
    await drafter(id, 'complete-public-comment', { note: '无意见' });
    s = await drafter(id, 'submit-for-review', { note: '经审核合法', expertise: ['教育'] });
    s = ok(await step(id, 'officer.zhang', 'materials-check', { complete: true, note: '齐全' }));
    const detail = await http.as<{ tasks: { id: string; assigneeUserId: string | null }[] }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${id}`,
    );
    const assignee = detail.body.tasks.find((t) => t.id === s.openTaskId)!.assigneeUserId;
    const [{ username }] = await db.query<{ username: string }[]>('SELECT username FROM app_user WHERE id = $1', [
      assignee,
    ]);
    await eventually(async () => {
      const res = await step(id, username, 'legality-opinion', {
        conclusion: 'LAWFUL',
        reasons: '',
        reviewedSha256: (await live(id)).documents.DRAFT.sha256,
      });
      expect(res.status).toBe(200);
      s = res.body;
    });
    s = await stepOk(id, bureauLeader, 'deliberation', {
      decision: 'ADOPTED',
      meetingKind: 'BUREAU',
      meeting: '区教育局局务会议',
      meetingDate: '2026-11-20',
      minutes: '审议通过',
    });
    s = await stepOk(id, 'officer.zhang', 'registration', {});
    s = await stepOk(id, 'officer.zhang', 'publication', {
      channel: 'WEBSITE',
      reference: 'https://www.jintan.gov.cn/edu.html',
    });
    expect(s.stage).toBe('IN_FORCE');
    return s;
  }

  it('should receive a department’s document filed in LawGate, register, pass it and list it in the catalog', async () => {
    const title = `金坛区中小学课后服务管理办法（${uniqueSuffix()}）`;
    const nd = await publishedByDepartment(title);
    const [filing] = await db.query<{ recipient: string }[]>('SELECT recipient FROM filing WHERE id = $1', [
      nd.filing!.filingId,
    ]);
    expect(filing.recipient).toBe('金坛区人民政府（区司法局）');
    ok(
      await http.as<Snapshot & ErrorBody>(
        'officer.zhang',
        'POST',
        `/api/procedures/${nd.procedureId}/steps/filing-events`,
        {
          body: { event: 'SUBMITTED', note: '已报送区政府备案' },
        },
      ),
    );
    const workflowId = `filing-review:filing:${nd.filing!.filingId}`;
    const caseId = await eventually(async () => {
      const rows = await db.query<{ id: string }[]>('SELECT id FROM procedure WHERE workflow_id = $1', [workflowId]);
      expect(rows).toHaveLength(1);
      return rows[0].id;
    });
    let s = await eventually(async () => {
      const c = await live(caseId);
      // The stage is entered before its task is opened (an activity): wait for both.
      expect([c.stage, typeof c.openTaskId]).toEqual(['FILING_REGISTRATION', 'string']);
      return c;
    });
    expect(s.origin).toEqual({ procedureId: nd.procedureId, filingId: nd.filing!.filingId });
    expect(s.documents.DRAFT.sha256).toBe(nd.documents.DRAFT.sha256);
    expect(Object.keys(s.documents).sort()).toEqual(['DRAFT', 'DRAFTING_EXPLANATION', 'FILING_REPORT']);
    expect(s.document.issuerName).toBe('金坛区教育局');
    // The arrival is idempotent: the same filing arriving again (a retried activity) is the case already open.
    const connection = await Connection.connect({ address: testEnv().temporalAddress });
    try {
      const client = new Client({ connection });
      const arrivals = new FilingArrivals(
        db,
        new DocumentRepository(db),
        { client: () => Promise.resolve(client), taskQueue: stack.taskQueue } as unknown as TemporalClientService,
        { PROCEDURE_PERIODS: 'demo' } as AppConfig,
      );
      const [officer] = await db.query<{ id: string; org_unit_id: string }[]>(
        "SELECT id, org_unit_id FROM app_user WHERE username = 'officer.zhang'",
      );
      const actor = {
        userId: officer.id,
        username: 'officer.zhang',
        displayName: '张',
        roles: [Role.LegalAffairsOfficer],
        unitId: officer.org_unit_id,
      };
      expect(await arrivals.arrive(nd.filing!.filingId, actor)).toEqual({ workflowId, started: false });
    } finally {
      await connection.close();
    }
    expect(await db.query('SELECT id FROM procedure WHERE workflow_id = $1', [workflowId])).toHaveLength(1);
    // The office finds it in its inbox.
    expect(await inInbox(http, 'officer.zhang', s.openTaskId)).toBe(true);
    // The issuing procedure's filing shows where the review stands, written by the case: the drafting department
    // sees it on its own procedure page without anyone typing it.
    const filingOf = async () =>
      (
        await http.as<{ filings: Record<string, unknown>[] }>('drafter.edu', 'GET', `/api/procedures/${nd.procedureId}`)
      ).body.filings.find((f) => f.filingId === nd.filing!.filingId);
    expect(await filingOf()).toMatchObject({ status: 'SUBMITTED', reviewStatus: 'RECEIVED', reviewCaseId: caseId });
    s = ok(await step(caseId, 'officer.zhang', 'register', { decision: 'REGISTER', reasons: '材料齐全' }));
    expect(s.stage).toBe('FILING_REVIEW');
    expect(await filingOf()).toMatchObject({ reviewStatus: 'REGISTERED', reviewCaseId: caseId });
    s = ok(await review(caseId, s, 'PASSED'));
    expect([s.stage, s.status]).toEqual(['FILED', 'ENDED']);
    const [signed] = await db.query<{ seq: string; recorded_at: Date; idempotency_key: string }[]>(
      "SELECT seq, recorded_at, idempotency_key FROM ledger_entry WHERE procedure_id = $1 AND decision = 'FILING_REVIEW_PASSED'",
      [caseId],
    );
    const passed = {
      filingId: nd.filing!.filingId,
      recipient: '金坛区人民政府（区司法局）',
      status: 'SUBMITTED',
      dueAt: expect.any(String) as unknown,
      reviewStatus: 'PASSED',
      reviewStatusAt: new Date(signed.recorded_at).toISOString(),
      reviewReference: `备案审查 #${signed.seq}`,
      reviewCaseId: caseId,
    };
    expect(await filingOf()).toEqual(passed);
    // A replayed sign-off (the local activity run again) writes nothing a second time.
    const replayed = await db.transaction((manager) =>
      filingReviewWrittenBack(
        manager,
        { workflowId, procedureId: caseId, decision: 'FILING_REVIEW_PASSED', idempotencyKey: signed.idempotency_key },
        { seq: signed.seq, recordedAt: new Date(Date.now() + 60000) },
      ),
    );
    expect(replayed).toBe(false);
    expect(await filingOf()).toEqual(passed);
    const ledger = (
      await http.as<{ ledger: { decision: string; documentSha256: string | null }[] }>(
        'officer.zhang',
        'GET',
        `/api/procedures/${caseId}`,
      )
    ).body.ledger;
    expect(ledger.find((e) => e.decision === 'FILING_REVIEW_PASSED')?.documentSha256).toBe(nd.documents.DRAFT.sha256);

    const catalog = await http.request<{ items: { caseId: string; title: string; documentNumber: string }[] }>(
      'GET',
      '/api/public/filing-catalog',
    );
    expect(catalog.status).toBe(200);
    expect(catalog.body.items.find((i) => i.caseId === caseId)).toMatchObject({
      title,
      documentNumber: s.document.documentNumber,
    });
    const atom = await fetch(`${http.baseUrl}/api/public/feeds/filings.atom`);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseXml(await atom.text());
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const titles = feed.children
      .filter((e) => e.name === 'entry')
      .map((e) => e.children.find((c) => c.name === 'title')!.text);
    expect(titles).toContain(`${s.document.documentNumber}《${title}》`);
  }, 180000);

  it('should refuse a package without its report, refuse a non-normative document, and defer for materials', async () => {
    const bare = await fileFromOutside('drafter.mkt', { files: [file('DRAFT', '正文')] });
    expect([bare.status, bare.body.code]).toEqual([422, 'RULE_VIOLATION']);
    const garbled = await fileFromOutside('drafter.mkt', { publishedOn: '01-03-2026' });
    expect(garbled.status).toBe(400);
    const byOffice = await fileFromOutside('officer.zhang');
    expect(byOffice.status).toBe(403);

    const refusedCase = ok(await fileFromOutside('drafter.mkt'));
    const id = refusedCase.procedureId;
    expect(refusedCase.stage).toBe('FILING_REGISTRATION');
    await refused(id, () => step(id, 'officer.zhang', 'register', { decision: 'REFUSE', reasons: '内部制度' }), 422, [
      'ground',
      '第九条',
    ]);
    const s = ok(
      await step(id, 'officer.zhang', 'register', {
        decision: 'REFUSE',
        ground: 'NOT_NORMATIVE',
        reasons: '属于内部工作制度，不涉及公民权利义务',
      }),
    );
    expect([s.stage, s.status]).toEqual(['NOT_REGISTERED', 'ENDED']);

    const deferred = ok(await fileFromOutside('drafter.mkt')).procedureId;
    let d = ok(
      await step(deferred, 'officer.zhang', 'register', { decision: 'DEFER', reasons: '', missing: ['起草说明'] }),
    );
    expect(d.stage).toBe('FILING_SUPPLEMENT');
    await refused(deferred, () => step(deferred, 'drafter.mkt', 'supplement', { note: '' }), 422, ['起草说明']);
    await refused(deferred, () => step(deferred, 'drafter.edu', 'supplement', { note: '' }), 404, []);
    await upload('drafter.mkt', deferred, 'DRAFTING_EXPLANATION', '起草说明：依据《优化营商环境条例》');
    d = ok(await step(deferred, 'drafter.mkt', 'supplement', { note: '已补充起草说明' }));
    expect(d.stage).toBe('FILING_REGISTRATION');
    d = ok(await step(deferred, 'officer.zhang', 'register', { decision: 'REGISTER', reasons: '' }));
    expect(d.stage).toBe('FILING_REVIEW');
  });

  it('should run the correction loop: a written opinion, the corrected text and report, passed; steps out of order refused', async () => {
    let s = ok(await fileFromOutside('drafter.mkt'));
    const id = s.procedureId;
    await refused(id, () => review(id, s, 'PASSED'), 409, ['G-E3', '第十三条']);
    await refused(id, () => step(id, 'drafter.mkt', 'register', { decision: 'REGISTER', reasons: '' }), 403, []);
    s = ok(await step(id, 'officer.zhang', 'register', { decision: 'REGISTER', reasons: '' }));
    await refused(id, () => step(id, 'officer.zhang', 'register', { decision: 'REGISTER', reasons: '' }), 409, [
      '第九条',
    ]);
    const penalty = { NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE: '第五条设定罚款，行政规范性文件不得设定行政处罚' };
    await refused(id, () => review(id, s, 'FORMAL_OPINION', standards(penalty)), 422, ['第十八条']);
    s = ok(await review(id, s, 'FORMAL_OPINION', standards(penalty), '删除第五条'));
    expect(s.stage).toBe('MAKER_RESPONSE');
    await refused(id, () => step(id, 'officer.zhang', 'escalate', { reason: '未纠正' }), 422, ['第二十一条']);
    await refused(id, () => step(id, 'drafter.mkt', 'report', { revised: true, note: '' }), 422, ['HANDLING_REPORT']);
    await upload('drafter.mkt', id, 'HANDLING_REPORT', '已删除第五条');
    await upload('drafter.mkt', id, 'DRAFT', '第一条 为加强信用监管，制定本办法。\n第五条 依照有关法律法规处理。\n');
    s = ok(await step(id, 'drafter.mkt', 'report', { revised: true, note: '已按审查意见修改并重新报送' }));
    expect(s.stage).toBe('FILING_REVIEW');
    s = ok(await review(id, s, 'PASSED'));
    expect(s.stage).toBe('FILED');
    expect(s.opinions.map((o) => o.outcome)).toEqual(['FORMAL_OPINION', 'PASSED']);
    expect(s.opinions[0].reviewedSha256).not.toBe(s.opinions[1].reviewedSha256);
  });

  it('should show the pre-review of the filed text to the reviewer and write each decision into the outcome’s ledger entry', async () => {
    let s = ok(await fileFromOutside('drafter.mkt'));
    const id = s.procedureId;
    s = ok(await step(id, 'officer.zhang', 'register', { decision: 'REGISTER', reasons: '' }));
    const pre = await http.as<{ sha256: string; findings: { key: string; ruleId: string }[] }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${id}/pre-review`,
    );
    expect(pre.status).toBe(200);
    expect(pre.body.sha256).toBe(s.documents.DRAFT.sha256);
    expect(pre.body.findings.map((f) => f.ruleId)).toContain('PENALTY_WITHOUT_BASIS');
    const decisions = pre.body.findings.map((f) => ({
      key: f.key,
      decision: f.ruleId === 'PENALTY_WITHOUT_BASIS' ? 'CONFIRMED' : 'DISMISSED',
      reason: f.ruleId === 'PENALTY_WITHOUT_BASIS' ? '规范性文件不得设定罚款' : '已核对，不构成问题',
    }));
    const penalty = { NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE: '第五条设定罚款' };
    const outcome = (preReviewDecisions: unknown[]) =>
      step(id, 'officer.zhang', 'review', {
        outcome: 'FORMAL_OPINION',
        reasons: '第五条设定罚款，应删除',
        standards: standards(penalty),
        reviewedSha256: s.documents.DRAFT.sha256,
        request: '删除第五条',
        preReviewDecisions,
      });
    // One finding left undecided: refused, nothing recorded.
    await refused(id, () => outcome(decisions.slice(1)), 422, []);
    s = ok(await outcome(decisions));
    expect(s.stage).toBe('MAKER_RESPONSE');
    const [entry] = await db.query<{ opinion: string; document_sha256: string }[]>(
      "SELECT opinion, document_sha256 FROM ledger_entry WHERE procedure_id = $1 AND decision = 'FILING_REVIEW_FORMAL_OPINION'",
      [id],
    );
    expect(entry.document_sha256).toBe(pre.body.sha256);
    expect(entry.opinion).toContain('第五条设定罚款，应删除');
    expect(entry.opinion).toContain('【自动预审发现及审核人意见】');
    expect(entry.opinion).toContain('[确认] 设定行政处罚但无相应位阶的依据（PENALTY_WITHOUT_BASIS）');
    expect(entry.opinion).toContain('规范性文件不得设定罚款');
  });

  it('should notice a missing filing, follow it up, and receive it late', async () => {
    const number = `坛市监规〔2026〕${uniqueSuffix()}号`;
    let s = ok(
      await http.as<Snapshot & ErrorBody>('officer.zhang', 'POST', '/api/procedures/filing-reviews', {
        body: {
          title: '金坛区广告牌设置管理办法',
          documentNumber: number,
          publishedOn: today(),
          issuerUnitCode: 'JT-MKT',
          files: [],
        },
      }),
    );
    const id = s.procedureId;
    expect(s.stage).toBe('AWAITING_FILING');
    // The demonstration filing period (seconds) runs out: the office gets a follow-up task.
    s = await eventually(async () => {
      const c = await live(id);
      expect(c.openTaskId).not.toBeNull();
      return c;
    }, 30000);
    s = ok(await step(id, 'officer.zhang', 'follow-up', { action: 'NOTICE', note: '请于5个工作日内报送备案' }));
    expect(s.followUps.map((f) => f.action)).toEqual(['NOTICE']);
    await upload('drafter.mkt', id, 'DRAFT', '第一条 为规范广告牌设置，制定本办法。\n');
    await upload('drafter.mkt', id, 'FILING_REPORT', '关于报送备案的报告（补报）');
    s = ok(await step(id, 'drafter.mkt', 'file', { note: '补报' }));
    expect([s.stage, s.late]).toEqual(['FILING_REGISTRATION', true]);
    expect(s.steps.map((x) => x.decision)).toEqual(['FILING_FOLLOW_UP_NOTICE', 'FILING_RECEIVED_LATE']);
  });

  it('should give the government the annual catalog and figures of the year (E9)', async () => {
    const year = Number(today().slice(0, 4));
    const path = `/api/procedures/filing-reviews/annual-report?year=${year}`;
    expect((await http.as('drafter.mkt', 'GET', path)).status).toBe(403);
    expect((await http.as('officer.zhang', 'GET', '/api/procedures/filing-reviews/annual-report?year=19')).status).toBe(
      400,
    );
    const report = await http.as<{
      year: number;
      documents: { documentNumber: string; stage: string; late: boolean; corrected: boolean }[];
      figures: Record<string, number>;
    }>('leader.zhou', 'GET', path);
    expect(report.status).toBe(200);
    expect(report.body.year).toBe(year);
    const stages = report.body.documents.map((d) => d.stage);
    expect(stages).toEqual(expect.arrayContaining(['FILED', 'NOT_REGISTERED', 'FILING_REGISTRATION']));
    expect(report.body.documents.some((d) => d.late)).toBe(true);
    expect(report.body.documents.some((d) => d.corrected && d.stage === 'FILED')).toBe(true);
    expect(report.body.figures).toMatchObject({ total: report.body.documents.length });
    expect(report.body.figures.late).toBeGreaterThanOrEqual(1);
    expect(report.body.figures.notRegistered).toBeGreaterThanOrEqual(1);
    expect(report.body.figures.corrected).toBeGreaterThanOrEqual(1);
  });
});
