import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { readBundle } from '@lawgate/archive';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { recordCounts } from '../support/records';
import { useStack } from '../support/stack';
import { testEnv, uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  documents: Record<string, { version: number; sha256: string }>;
  commentWindow: { windowId: string; closed: boolean; commentIds: string[] } | null;
  steps: { stage: string; decision: string }[];
  minutes: { positions: { memberId: string; position: string; statement: string }[] } | null;
}
interface ErrorBody {
  code: string;
  message: string;
}

const ROOT = join(__dirname, '..', '..');

/**
 * A major administrative decision through the API with the demonstration periods (seconds): the catalog published
 * only with the Party committee's consent, every gate tried before its precondition holds (each refusal names the
 * missing step and its article, and nothing changes), the catalog progress report, and the decision archive,
 * verified offline and failing, naming the file, once one byte is changed.
 */
describe('the major-decision procedure, its catalog and its archive through the API', () => {
  let http: ApiClient;
  let db: DataSource;
  let id: string;
  let s: Snapshot;
  const year = 2100 + Math.floor(Math.random() * 800);
  const stack = useStack('e2e-md', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  beforeAll(() => {
    ({ http, db } = stack);
  });

  const live = async () =>
    (await http.as<Snapshot>('officer.zhang', 'GET', `/api/procedures/major-decisions/${id}`)).body;

  async function refused(
    request: () => Promise<HttpResult<unknown>>,
    status: number,
    code: string,
    mentions: string[] = [],
  ): Promise<ErrorBody> {
    const counts = await recordCounts(db);
    const before = id ? await live() : null;
    const res = (await request()) as HttpResult<ErrorBody>;
    expect({ status: res.status, code: res.body.code, message: res.body.message }).toMatchObject({ status, code });
    for (const text of mentions) expect(res.body.message).toContain(text);
    expect(await recordCounts(db)).toEqual(counts);
    if (before) expect(await live()).toEqual(before);
    return res.body;
  }

  const step = (user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const ok = (res: HttpResult<Snapshot>): Snapshot => {
    expect({ status: res.status, body: res.status < 300 ? null : res.body }).toEqual({
      status: res.status < 300 ? res.status : 200,
      body: null,
    });
    s = res.body;
    return s;
  };
  const catalog = (method: string, path: string, body?: unknown, user = 'officer.zhang') =>
    http.as<{ status: string; items: { itemKey: string }[] } & ErrorBody>(
      user,
      method,
      `/api/admin/catalog/${year}${path}`,
      { body },
    );
  const start = (body: Record<string, unknown>) =>
    http.as<Snapshot & ErrorBody>('drafter.edu', 'POST', '/api/procedures/major-decisions', { body });

  const proposal = {
    proposer: 'DEPARTMENT',
    problem: '中小学学位紧张',
    reasonsAndBasis: '《义务教育法》',
    preliminarySolution: '新建两所学校',
    necessityAndFeasibility: '学龄人口增长，财力可行',
  };
  const classification = {
    kind: 'PUBLIC_CONSTRUCTION',
    reason: '区域重大公共建设项目',
    professional: false,
    riskFlagged: false,
    wideConcern: false,
    touchesMarket: false,
    exploratoryReform: false,
    alsoNormativeDocument: false,
  };

  it('publishes the catalog only with the recorded Party-committee consent', async () => {
    expect((await catalog('POST', '/versions', { title: `${year}年度目录`, reason: '年度编制' })).status).toBe(201);
    const item = {
      itemKey: '01',
      title: '新建中小学',
      kind: 'PUBLIC_CONSTRUCTION',
      description: '两所学校',
      reason: '纳入目录',
    };
    expect((await catalog('POST', '/items', item)).status).toBe(201);
    const excluded = await catalog('POST', '/items', { ...item, itemKey: '02', kind: 'LEGISLATION' });
    expect({ status: excluded.status, message: excluded.body.message }).toMatchObject({ status: 422 });
    expect(excluded.body.message).toContain('第三条第二款');
    const refusedPublish = await catalog('POST', '/publish', { reason: '发布' });
    expect(refusedPublish.status).toBe(422);
    expect(refusedPublish.body.message).toContain('第三条第三款');
    const consent = {
      consentBy: '中共常州市金坛区委',
      meeting: '区委常委会2026年第5次会议',
      reference: '坛委〔2026〕3号',
    };
    const drafterTry = await catalog('POST', '/party-consent', consent, 'drafter.edu');
    expect(drafterTry.status).toBe(403);
    // A leader records the Party committee's consent, not the office; and it names the meeting.
    const officerTry = await catalog('POST', '/party-consent', consent, 'officer.zhang');
    expect(officerTry.status).toBe(403);
    const noMeeting = await catalog('POST', '/party-consent', { ...consent, meeting: undefined }, 'leader.zhou');
    expect(noMeeting.status).toBe(400);
    const versions = await catalog('GET', '/versions');
    expect((versions.body as unknown as { status: string }[])[0].status).toBe('DRAFT');
    const consented = await catalog('POST', '/party-consent', consent, 'leader.zhou');
    expect(consented.body).toMatchObject({ partyConsent: { meeting: '区委常委会2026年第5次会议' } });
    // An item changed after the consent voids it: publication is refused until the consent is recorded again.
    const changed = await catalog('PATCH', '/items/01', { ...item, itemKey: undefined, title: '新建中小学（三所）' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ partyConsent: null });
    expect((changed.body as unknown as { acts: { act: string }[] }).acts.map((a) => a.act)).toContain(
      'PARTY_CONSENT_VOIDED',
    );
    const voided = await catalog('POST', '/publish', { reason: '发布' });
    expect(voided.status).toBe(422);
    expect(voided.body.message).toContain('void');
    expect(voided.body.message).toContain('第三条第三款');
    await catalog('POST', '/party-consent', { ...consent, reference: '坛委〔2026〕4号' }, 'leader.zhou');
    expect((await catalog('POST', '/publish', { reason: '发布' })).body.status).toBe('PUBLISHED');
    const pub = await http.request<{ items: { itemKey: string; stage: string }[] }>(
      'GET',
      `/api/public/catalog/${year}`,
    );
    expect(pub.body.items).toEqual([expect.objectContaining({ itemKey: '01', stage: 'NOT_STARTED' })]);
  });

  it('refuses an excluded kind at scope classification, starting nothing, then starts the catalog item', async () => {
    const matterCode = `MD-${uniqueSuffix()}`;
    await refused(
      () =>
        start({
          matterCode,
          title: '应急处置',
          proposal,
          classification: { ...classification, kind: 'EMERGENCY_RESPONSE' },
        }),
      422,
      'RULE_VIOLATION',
      ['第三条第二款'],
    );
    const res = await start({
      matterCode,
      title: '新建中小学决策',
      catalogYear: year,
      catalogItemKey: '01',
      proposal,
      // Professional and risk-flagged: expert argumentation and the risk assessment run too (their records are kept).
      classification: { ...classification, professional: true, riskFlagged: true },
    });
    expect(res.status).toBe(201);
    s = res.body;
    id = s.procedureId;
    expect(s.stage).toBe('LAUNCH');
  });

  it('refuses every gate before its precondition, with the article and no state change', async () => {
    await refused(() => step('drafter.edu', 'draft-options', { options: [], lawInventory: 'x' }), 409, 'WRONG_STAGE', [
      'LAUNCH',
      '第十一条',
      'G-A3',
    ]);
    await refused(() => step('drafter.edu', 'launch', { launch: true, reason: 'x' }), 403, 'FORBIDDEN');
    await refused(() => step('leader.zhou', 'launch', { launch: true, reason: '启动' }), 422, 'RULE_VIOLATION', [
      '第十一条',
    ]);
    await refused(() => step('leader.zhou', 'launch', { launch: 'yes', reason: '启动' }), 400, 'VALIDATION_FAILED');
    // The steps each person can take now, as the web app offers them: only the leader can launch.
    const available = async (user: string) =>
      (
        await http.as<{ stage: string; steps: { step: string; schema: Record<string, unknown> }[] }>(
          user,
          'GET',
          `/api/procedures/${id}/steps`,
        )
      ).body;
    expect((await available('drafter.edu')).steps).toEqual([]);
    // Another department's drafter does not see this procedure at all.
    for (const path of [`/api/procedures/major-decisions/${id}`, `/api/procedures/${id}/steps`]) {
      const hidden = await http.as<{ code: string }>('drafter.mkt', 'GET', path);
      expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    // The major decision's earlier step routes are gone: the step API is the one way to take a step.
    await refused(
      () =>
        http.as('leader.zhou', 'POST', `/api/procedures/major-decisions/${id}/launch`, {
          body: { launch: true, reason: '启动' },
        }),
      404,
      'NOT_FOUND',
      ['Cannot POST'],
    );
    const oldList = await http.as<{ code: string }>(
      'leader.zhou',
      'GET',
      `/api/procedures/major-decisions/${id}/steps`,
    );
    expect({ status: oldList.status, code: oldList.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const leaderSteps = await available('leader.zhou');
    expect(leaderSteps.stage).toBe('LAUNCH');
    expect(leaderSteps.steps.map((x) => x.step)).toEqual(['launch']);
    // The launch form carries the classification flags the leader confirms or changes (with a reason).
    expect(Object.keys(leaderSteps.steps[0].schema)).toEqual(
      expect.arrayContaining(['launch', 'undertakingUnitId', 'reason', 'classification', 'classificationReason']),
    );
    const units = (await http.as<{ id: string; code: string }[]>('leader.zhou', 'GET', '/api/org/units')).body;
    const unit = units.find((u) => u.code === 'JT-EDU')!;
    const launch = { launch: true, undertakingUnitId: unit.id, reason: '列入年度目录' };
    await refused(
      () => step('leader.zhou', 'launch', { ...launch, classification: { professional: true, riskFlagged: false } }),
      422,
      'RULE_VIOLATION',
      ['第十条、第十九条、第二十二条'],
    );
    ok(await step('leader.zhou', 'launch', launch));
    expect(s).toMatchObject({
      classificationConfirmation: { confirmed: { professional: true, riskFlagged: true }, reason: null },
    });
    expect(s.stage).toBe('DRAFTING');
    expect((await available('drafter.edu')).steps.map((x) => x.step)).toEqual(['draft-options']);
    expect((await available('leader.zhou')).steps).toEqual([]);
    await refused(
      () =>
        step('drafter.edu', 'draft-options', { options: [{ label: 'A', sha256: 'a'.repeat(64) }], lawInventory: 'x' }),
      422,
      'RULE_VIOLATION',
      ['DRAFT', '第十二条'],
    );
    const upload = await http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}/documents/DRAFT`, {
      rawBody: '关于新建两所中小学的决定（草案）\n第一条 ……\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(upload.status).toBe(201);
    const draftSha = upload.body.documents.DRAFT.sha256;
    ok(
      await step('drafter.edu', 'draft-options', {
        options: [{ label: '方案一', sha256: draftSha }],
        lawInventory: '教育法等',
      }),
    );
    await refused(
      () => step('drafter.edu', 'consultation', { consulted: ['财政局'], consensus: false }),
      422,
      'RULE_VIOLATION',
      ['第十三条'],
    );
    ok(
      await step('drafter.edu', 'consultation', {
        consulted: ['财政局'],
        consensus: false,
        disputeMemo: '资金来源有争议',
      }),
    );
    expect(s.stage).toBe('PUBLIC_PARTICIPATION');
    await refused(() => step('drafter.edu', 'complete-public-participation'), 422, 'RULE_VIOLATION', ['第十五条']);
    ok(await step('drafter.edu', 'comment-window'));
    const posted = await http.request<{ receiptNo: string }>(
      'POST',
      `/api/public/comment-windows/${s.commentWindow!.windowId}/comments`,
      { body: { content: '建议增加学位' } },
    );
    expect(posted.status).toBe(201);
    await eventually(async () => expect((await live()).commentWindow?.closed).toBe(true), 20000);
    s = await live();
    expect(s.commentWindow?.commentIds).toHaveLength(1);
    await refused(() => step('drafter.edu', 'complete-public-participation'), 422, 'RULE_VIOLATION', ['answered']);
    ok(
      await step('drafter.edu', 'comment-answers', {
        commentId: s.commentWindow!.commentIds[0],
        answer: 'PARTLY_ADOPTED',
        reason: '纳入二期',
      }),
    );
    ok(await step('drafter.edu', 'complete-public-participation'));
    expect(s.stage).toBe('EXPERT_ARGUMENTATION');
    ok(
      await step('drafter.edu', 'expert-opinions', {
        expert: {
          name: '钱教授',
          affiliation: '南京师范大学',
          declaredInterest: false,
          dissenting: true,
          opinion: '选址应避开主干道。',
          signedSha256: 'e'.repeat(64),
        },
      }),
    );
    ok(await step('drafter.edu', 'complete-experts', { adoption: '选址意见已采纳', dissentingInvited: true }));
    expect(s.stage).toBe('RISK_ASSESSMENT');
    ok(
      await step('drafter.edu', 'risk-assessment', {
        riskPoints: '征地补偿',
        measures: '提前公示补偿方案',
        contingencyPlan: '信访接待预案',
        level: '低',
        method: '社会稳定风险评估办法',
        controllable: true,
      }),
    );
    expect(s.stage).toBe('LEGALITY_REVIEW');
    await refused(() => step('drafter.edu', 'meeting-package', { note: '材料' }), 422, 'RULE_VIOLATION', [
      'G-A8',
      '第二十五条',
    ]);
    ok(
      await step('drafter.edu', 'legality-review', {
        basisStatement: '义务教育法',
        proceduresPerformed: '已公开征求意见',
      }),
    );
    // Art 28: the review goes to the legal-affairs office, which signs it; an adviser does not hold it.
    const [review] = await db.query<{ kind: string; assignee_user_id: string | null }[]>(
      `SELECT t.kind, t.assignee_user_id FROM task t JOIN org_unit o ON o.id = t.assignee_unit_id WHERE t.procedure_id = $1 AND t.kind = 'MD_LEGALITY_REVIEW' AND t.status = 'OPEN' AND o.kind = 'LEGAL_AFFAIRS_OFFICE'`,
      [id],
    );
    expect(review).toMatchObject({ kind: 'MD_LEGALITY_REVIEW', assignee_user_id: null });
    const opinion = { conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: draftSha };
    await refused(() => step('adviser.li', 'legality-opinion', opinion), 403, 'FORBIDDEN');
    ok(await step('officer.zhang', 'legality-opinion', opinion));
    expect(s.stage).toBe('MEETING_PACKAGE');
    // Draft v2 after the LAWFUL opinion on v1: the upload re-opens the review, and the meeting package is refused,
    // naming the article, until the text the meeting decides on has been reviewed itself.
    const v2 = await http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}/documents/DRAFT`, {
      rawBody: '关于新建两所中小学的决定（草案）\n第一条 ……\n第二条 选址另行确定。\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(v2.status).toBe(201);
    expect((await live()).stage).toBe('LEGALITY_REVIEW');
    await refused(() => step('drafter.edu', 'meeting-package', { note: '审议材料齐全' }), 422, 'RULE_VIOLATION', [
      '第二十五条',
    ]);
    ok(
      await step('drafter.edu', 'legality-review', {
        basisStatement: '义务教育法',
        proceduresPerformed: '已公开征求意见；草案第二版',
      }),
    );
    // The review of v2 is the office's again (Art 28), as the first was.
    const [again] = await db.query<{ assignee_user_id: string | null }[]>(
      `SELECT t.assignee_user_id FROM task t JOIN org_unit o ON o.id = t.assignee_unit_id WHERE t.procedure_id = $1 AND t.kind = 'MD_LEGALITY_REVIEW' AND t.status = 'OPEN' AND o.kind = 'LEGAL_AFFAIRS_OFFICE'`,
      [id],
    );
    expect(again).toEqual({ assignee_user_id: null });
    ok(
      await step('officer.zhang', 'legality-opinion', {
        ...opinion,
        reviewedSha256: v2.body.documents.DRAFT.sha256,
      }),
    );
    expect(s.stage).toBe('MEETING_PACKAGE');
    ok(await step('drafter.edu', 'meeting-package', { note: '审议材料齐全' }));
    const [head] = await db.query<{ id: string }[]>(`SELECT id FROM app_user WHERE username = 'leader.zhou'`);
    const meeting = {
      meetingType: 'EXECUTIVE',
      meeting: '区政府第9次常务会议',
      meetingDate: new Date().toISOString(),
      positions: [
        { memberId: 'm1', name: '孙副区长', position: 'AGAINST', statement: '财力不足，我反对。' },
        { memberId: 'm2', name: '王副区长', position: 'AGAINST', statement: '建议缓建。' },
        { memberId: head.id, name: '周区长', position: 'FOR', statement: '同意' },
      ],
      attendees: [
        { memberId: 'm1', name: '孙副区长' },
        { memberId: 'm2', name: '王副区长' },
        { memberId: head.id, name: '周区长' },
      ],
      membersTotal: 5,
      headId: head.id,
      decision: 'ADOPTED',
    };
    await refused(() => step('leader.zhou', 'meeting', meeting), 422, 'RULE_VIOLATION', ['第三十条', 'majority']);
    ok(await step('leader.zhou', 'meeting', { ...meeting, headReason: '学位缺口紧迫，民生优先' }));
    expect(s.stage).toBe('PARTY_REPORT');
    await refused(
      () => step('officer.zhang', 'publication', { channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], reference: 'url' }),
      409,
      'WRONG_STAGE',
      ['MD_PARTY_REPORT', '第三十一条'],
    );
    ok(await step('leader.zhou', 'party-report', { reportedTo: '中共常州市金坛区委', reference: '坛政请〔2026〕2号' }));
    ok(
      await step('leader.zhou', 'publication', {
        channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'],
        reference: '区政府公报2026年第4期',
      }),
    );
    // Published decisions are public, without signing in.
    const published = await http.request<{ procedureId: string; statement: string }[]>('GET', '/api/public/decisions');
    expect(published.status).toBe(200);
    expect(published.body.find((d) => d.procedureId === id)?.statement).toContain('区政府公报2026年第4期');
    const years = await http.request<number[]>('GET', '/api/public/decisions/catalog-years');
    expect(years.body).toContain(year);
    ok(await step('officer.zhang', 'archive', { note: '各环节材料归档' }));
    expect(s.stage).toBe('EXECUTION');
    ok(await step('drafter.edu', 'execution-reports', { kind: 'PROGRESS', text: '一期工程已开工' }));
    ok(
      await step('leader.zhou', 'evaluations', {
        evaluator: '第三方评估机构',
        didPreDecisionWork: false,
        result: '学位缺口缓解',
      }),
    );
  });

  it('reports the catalog progress: stage, steps done and steps overdue', async () => {
    const res = await http.as<{
      items: { itemKey: string; stage: string; stepsDone: { decision: string }[]; stepsOverdue: unknown[] }[];
    }>('officer.zhang', 'GET', `/api/admin/catalog/${year}/progress`);
    expect(res.status).toBe(200);
    const [item] = res.body.items;
    expect(item.stage).toBe('EXECUTION');
    expect(item.stepsDone.map((x) => x.decision)).toEqual(
      expect.arrayContaining(['CLASSIFIED_IN_SCOPE', 'LAUNCHED', 'LEGALITY_LAWFUL', 'DECIDED_ADOPTED', 'ARCHIVED']),
    );
    expect(item.stepsOverdue).toEqual([]);
    expect((await http.as('drafter.edu', 'GET', `/api/admin/catalog/${year}/progress`)).status).toBe(403);
    const pub = await http.request<{ items: { stage: string }[] }>('GET', `/api/public/catalog/${year}`);
    expect(pub.body.items[0].stage).toBe('EXECUTION');
  });

  it('exports the archive, which verifies offline and fails naming the file after one byte changes', async () => {
    expect((await http.as('drafter.edu', 'GET', `/api/procedures/${id}/archive`)).status).toBe(403);
    const token = await http.tokenFor('officer.zhang');
    const response = await fetch(`${http.baseUrl}/api/procedures/${id}/archive`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const tar = Buffer.from(await response.arrayBuffer());
    const paths = readBundle(tar).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'ledger.json',
        'public-participation/comments-and-adoption.json',
        'legality/opinions.json',
        'meeting/minutes.json',
        'publication.json',
        'documents/versions.json',
      ]),
    );
    const draftPath = paths.find((p) => p.startsWith('documents/DRAFT/'))!;
    const minutes = JSON.parse(
      readBundle(tar)
        .find((f) => f.path === 'meeting/minutes.json')!
        .content.toString(),
    ) as {
      positions: { statement: string }[];
    };
    expect(minutes.positions[0].statement).toBe('财力不足，我反对。');

    const dir = mkdtempSync(join(tmpdir(), 'lawgate-archive-'));
    const file = join(dir, 'bundle.tar');
    writeFileSync(file, tar);
    const verify = () =>
      execFileSync('npm', ['run', '--silent', 'archive:verify', '--', file], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(JSON.parse(verify())).toMatchObject({ ok: true, procedureId: id });

    const tampered = readFileSync(file);
    const at = tampered.indexOf(Buffer.from('第一条'));
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] ^= 0x01;
    writeFileSync(file, tampered);
    let failure: { status: number; stdout: string; stderr: string } | null = null;
    try {
      verify();
    } catch (err) {
      failure = err as { status: number; stdout: string; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(JSON.parse(failure!.stdout)).toMatchObject({ ok: false, file: draftPath });
    expect(failure!.stderr).toContain(draftPath);
  });

  it("archives the decision's records from PostgreSQL, after Temporal no longer holds the workflow", async () => {
    const rows = await db.query<{ kind: string }[]>(
      'SELECT kind FROM decision_record WHERE procedure_id = $1 ORDER BY recorded_at, id',
      [id],
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'EXPERT_OPINION',
      'EXPERT_ADOPTION',
      'RISK_ASSESSMENT',
      'MEETING_MINUTES',
      'PARTY_REPORT',
      'PUBLICATION',
      'EXECUTION_REPORT',
      'EVALUATION',
    ]);
    // As after Temporal's retention period: the workflow and its history are gone, so no state can be asked.
    const [{ workflow_id: workflowId }] = await db.query<{ workflow_id: string }[]>(
      'SELECT workflow_id FROM procedure WHERE id = $1',
      [id],
    );
    const connection = await Connection.connect({ address: testEnv().temporalAddress });
    try {
      await connection.workflowService.deleteWorkflowExecution({
        namespace: 'default',
        workflowExecution: { workflowId },
      });
      await eventually(async () => {
        const gone = await connection.workflowService
          .describeWorkflowExecution({ namespace: 'default', execution: { workflowId } })
          .then(
            () => false,
            (err: unknown) => err instanceof WorkflowNotFoundError || /not found/i.test(String(err)),
          );
        expect(gone).toBe(true);
      }, 20000);
    } finally {
      await connection.close();
    }

    const token = await http.tokenFor('officer.zhang');
    const response = await fetch(`${http.baseUrl}/api/procedures/${id}/archive`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const tar = Buffer.from(await response.arrayBuffer());
    const files = new Map(readBundle(tar).map((f) => [f.path, f.content.toString('utf8')]));
    expect(files.has('state.json')).toBe(false);
    const read = <T>(path: string): T => JSON.parse(files.get(path) ?? 'null') as T;
    expect(read<{ name: string; dissenting: boolean }[]>('experts/opinions.json')).toEqual([
      expect.objectContaining({ name: '钱教授', dissenting: true, opinion: '选址应避开主干道。' }),
    ]);
    expect(read('experts/adoption.json')).toMatchObject({ adoption: '选址意见已采纳' });
    expect(read('risk/report.json')).toMatchObject({ riskPoints: '征地补偿', controllable: true });
    expect(read<{ positions: { statement: string }[] }>('meeting/minutes.json').positions[0].statement).toBe(
      '财力不足，我反对。',
    );
    expect(read('party-report.json')).toMatchObject({ reportedTo: '中共常州市金坛区委' });
    expect(read('publication.json')).toMatchObject({ reference: '区政府公报2026年第4期' });
    expect(read('execution/reports.json')).toEqual([expect.objectContaining({ text: '一期工程已开工' })]);
    expect(read('execution/evaluations.json')).toEqual([expect.objectContaining({ evaluator: '第三方评估机构' })]);
    expect(read<unknown[]>('records/decision-records.json')).toHaveLength(8);

    const dir = mkdtempSync(join(tmpdir(), 'lawgate-archive-'));
    const file = join(dir, 'records.tar');
    writeFileSync(file, tar);
    const verified = JSON.parse(
      execFileSync('npm', ['run', '--silent', 'archive:verify', '--', file], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ) as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
    expect(verified.ok).toBe(true);
    expect(verified.checks.find((c) => c.name === 'decision-records')).toMatchObject({
      ok: true,
      detail: '8 records match their SHA-256 and their sign-offs in the ledger',
    });
  });
});
