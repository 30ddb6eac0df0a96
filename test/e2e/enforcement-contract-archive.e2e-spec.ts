import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { readBundle } from '@lawgate/archive';
import { CaseNumberAttr, CHECKLIST_ITEMS, CONTRACT_CHECKLIST, DepartmentAttr, StageAttr } from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { ApiClient, HttpResult } from '../support/http';
import { useStack } from '../support/stack';
import { testEnv, uniqueSuffix } from '../support/test-env';
import { holderAmong } from '../support/inbox';

const ROOT = join(__dirname, '..', '..');
const ADVISERS = ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang'];

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
}
type Res = HttpResult<Snapshot & { message: string }>;

/**
 * The office's view of the two everyday reviews outside LawGate's pages: the Temporal UI finds their workflows by
 * case or contract number, department and stage (search attributes), and the decision archive of a completed case
 * and of a completed contract carries their own records and every sign-off, verifies offline with
 * `npm run archive:verify`, and fails naming the file after one byte of it changed.
 */
describe('enforcement and contract reviews: search attributes and the decision archive', () => {
  let http: ApiClient;
  const stack = useStack('e2e-er-cr-archive', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  let connection: Connection;
  let client: Client;
  beforeAll(async () => {
    ({ http } = stack);
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
  });

  const ok = (res: Res): Snapshot => {
    expect({ status: res.status, message: res.status < 300 ? null : res.body.message }).toEqual({
      status: res.status < 300 ? res.status : 200,
      message: null,
    });
    return res.body;
  };
  const step = (id: string, user: string, name: string, body: unknown = {}) =>
    http.as<Snapshot & { message: string }>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body });
  const upload = async (id: string, kind: string, text: string) =>
    ok(
      await http.as<Snapshot & { message: string }>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/${kind}`, {
        rawBody: text,
        headers: { 'content-type': 'text/plain' },
      }),
    );

  /** The workflows the Temporal UI lists for a visibility query, with their stage. */
  const found = async (query: string) => {
    const rows: { workflowId: string; stage: unknown }[] = [];
    for await (const wf of client.workflow.list({ query })) {
      rows.push({ workflowId: wf.workflowId, stage: wf.typedSearchAttributes.get(StageAttr) });
    }
    return rows;
  };

  async function archiveOf(id: string): Promise<Buffer> {
    const response = await fetch(`${http.baseUrl}/api/procedures/${id}/archive`, {
      headers: { authorization: `Bearer ${await http.tokenFor('officer.zhang')}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  /** `npm run archive:verify` on the bundle: its JSON result and exit status. */
  function verify(tar: Buffer): { status: number; result: { ok: boolean; procedureId?: string; file?: string } } {
    const file = join(mkdtempSync(join(tmpdir(), 'lawgate-archive-')), 'bundle.tar');
    writeFileSync(file, tar);
    try {
      const out = execFileSync('npm', ['run', '--silent', 'archive:verify', '--', file], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { status: 0, result: JSON.parse(out) as { ok: boolean } };
    } catch (err) {
      const failure = err as { status: number; stdout: string };
      return { status: failure.status, result: JSON.parse(failure.stdout) as { ok: boolean } };
    }
  }

  /** The bundle with one byte changed where `text` first occurs in the file at `path` (after its tar header). */
  function tampered(tar: Buffer, path: string, text: string): Buffer {
    const copy = Buffer.from(tar);
    let header = copy.indexOf(Buffer.from(path));
    while (header >= 0 && header % 512 !== 0) header = copy.indexOf(Buffer.from(path), header + 1);
    expect(header).toBeGreaterThan(0);
    const at = copy.indexOf(Buffer.from(text), header + 512);
    expect(at).toBeGreaterThan(header);
    copy[at + 1] ^= 0x01;
    return copy;
  }

  const json = (tar: Buffer, path: string): unknown => {
    const file = readBundle(tar).find((f) => f.path === path);
    expect(file).toBeDefined();
    return JSON.parse(file!.content.toString('utf8'));
  };

  /**
   * The archive again after the workflow's history is gone (deleted, as Temporal's retention does): the procedure's
   * own files are the same, built from PostgreSQL, and the bundle still verifies.
   */
  async function archiveWithoutHistory(id: string, workflowId: string, before: Buffer, paths: string[]): Promise<void> {
    // The server deletes a closed workflow's history on a queue of its own, later on a busy machine; the request is
    // sent again on each try (a deletion already under way or done answers as such).
    await eventually(
      async () => {
        await connection.workflowService
          .deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId } })
          .catch(() => undefined);
        await expect(client.workflow.getHandle(workflowId).describe()).rejects.toThrow(/not found/i);
      },
      120000,
      1000,
    );
    const after = await archiveOf(id);
    const paths$ = (tar: Buffer) => readBundle(tar).map((f) => f.path);
    expect(paths$(before)).toContain('state.json');
    expect(paths$(after)).not.toContain('state.json');
    expect(paths$(after)).toContain('records/state-records.json');
    for (const path of paths) {
      expect({ path, content: json(after, path) }).toEqual({ path, content: json(before, path) });
    }
    expect(verify(after)).toEqual({ status: 0, result: expect.objectContaining({ ok: true, procedureId: id }) });
  }

  it('should find an enforcement case by its number, department and stage, and archive it with its review', async () => {
    const caseNumber = `MKT-${uniqueSuffix()}`;
    const id = ok(
      await http.as<Snapshot & { message: string }>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
        body: {
          caseNumber,
          title: '某商贸公司销售不合格电器案',
          decisionKind: 'PENALTY',
          measure: 'FINE',
          field: '市场监管',
          amountYuan: 200000,
          statutoryGrounds: [],
          complexOrSerious: false,
          caseHandlers: ['drafter.mkt', 'inspector.mkt'],
        },
      }),
    ).procedureId;
    const query = `LawGateCaseNumber = '${caseNumber}' AND LawGateDepartment = 'JT-MKT'`;
    await eventually(
      async () => expect(await found(query)).toEqual([expect.objectContaining({ stage: 'CASE_PREPARATION' })]),
      30000,
    );

    await upload(id, 'DRAFT', '行政处罚决定书（草稿）：罚款二十万元');
    const evidence = await upload(id, 'EVIDENCE', `现场检查笔录 ${caseNumber}`);
    ok(
      await step(id, 'drafter.mkt', 'submit-case', {
        materials: {
          facts: '经查，当事人销售不合格电器 200 台',
          evidence: [{ title: '现场检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 }],
          provisions: ['《产品质量法》第四十九条'],
          discretionStandard: '江苏省市场监管行政处罚裁量基准',
          proposedDecision: '罚款二十万元',
          hearingHeld: false,
        },
      }),
    );
    let s = ok(await step(id, 'officer.zhang', 'accept-materials'));
    await eventually(
      async () => expect(await found(`${query} AND LawGateStage = 'LEGAL_REVIEW'`)).toHaveLength(1),
      30000,
    );
    s = ok(
      await step(id, 'officer.zhang', 'conclusion', {
        conclusion: 'AGREE',
        reasons: '事实清楚，证据确凿，适用依据正确',
        checklist: CHECKLIST_ITEMS.map((item) => ({ item, ok: true, note: '符合' })),
        reviewedSha256: s.documents.DRAFT.sha256,
        noConflictDeclared: true,
      }),
    );
    s = ok(
      await step(id, 'leader.zhou', 'decision', {
        outcome: 'PENALTY',
        decisionNumber: '坛市监罚〔2026〕9号',
        summary: '罚款二十万元',
        decidedSha256: s.documents.DRAFT.sha256,
      }),
    );
    ok(await step(id, 'drafter.mkt', 'disclosure', { channel: '金坛区行政执法公示平台', reference: 'GS-2026-9' }));
    s = ok(await step(id, 'drafter.mkt', 'archive', { note: '案卷归档' }));
    expect([s.stage, s.status]).toEqual(['CLOSED', 'ENDED']);
    await eventually(
      async () => expect(await found(query)).toEqual([expect.objectContaining({ stage: 'CLOSED' })]),
      30000,
    );
    const [listed] = await found(query);
    const description = await client.workflow.getHandle(listed.workflowId).describe();
    expect(description.typedSearchAttributes.get(CaseNumberAttr)).toBe(caseNumber);
    expect(description.typedSearchAttributes.get(DepartmentAttr)).toBe('JT-MKT');

    const tar = await archiveOf(id);
    expect(json(tar, 'legality/opinions.json')).toEqual([
      expect.objectContaining({ conclusion: 'AGREE', reasons: '事实清楚，证据确凿，适用依据正确', caseVersion: 1 }),
    ]);
    expect(json(tar, 'case/versions.json')).toEqual([expect.objectContaining({ version: 1 })]);
    expect(json(tar, 'decision.json')).toMatchObject({ decisionNumber: '坛市监罚〔2026〕9号' });
    expect(json(tar, 'disclosure.json')).toMatchObject({ reference: 'GS-2026-9' });
    const signOffs = (json(tar, 'ledger.json') as { decision: string }[]).map((e) => e.decision);
    expect(signOffs).toEqual(expect.arrayContaining(['REVIEW_AGREE', 'DECIDED_PENALTY']));
    expect(verify(tar)).toEqual({ status: 0, result: expect.objectContaining({ ok: true, procedureId: id }) });
    expect(verify(tampered(tar, 'legality/opinions.json', '事实清楚，证据确凿，适用依据正确'))).toEqual({
      status: 1,
      result: expect.objectContaining({ ok: false, file: 'legality/opinions.json' }),
    });
    await archiveWithoutHistory(id, listed.workflowId, tar, [
      'case/classification.json',
      'case/versions.json',
      'case/evidence-files.json',
      'legality/opinions.json',
      'legality/review-clock.json',
      'decision.json',
      'disclosure.json',
    ]);
  }, 240000);

  it('should find a contract by its number and archive it with its opinions, signing and register', async () => {
    const contractNumber = `HT-${uniqueSuffix()}`;
    const id = ok(
      await http.as<Snapshot & { message: string }>('drafter.mkt', 'POST', '/api/procedures/contract-reviews', {
        body: {
          contractNumber,
          title: '城区公共停车场特许经营协议',
          kind: 'FRANCHISE_PPP',
          administrativeAgreement: true,
          basis: 'TENDER',
          counterpart: '某停车管理有限公司',
          counterpartSme: true,
          amountYuan: 3000000,
          termStart: '2026-04-01',
          termEnd: '2036-03-31',
        },
      }),
    ).procedureId;
    const query = `LawGateCaseNumber = '${contractNumber}' AND LawGateDepartment = 'JT-MKT'`;
    await upload(id, 'DRAFT', '特许经营协议（草案）第十条 争议由人民法院管辖。');
    let s = ok(await step(id, 'drafter.mkt', 'submit', { note: '送审' }));
    const holder = await holderAmong(http, ADVISERS, s.openTaskId);
    expect(holder).toBeDefined();
    s = ok(
      await step(id, holder!, 'opinion', {
        conclusion: 'PASS',
        reasons: '协议合法，争议解决条款有效',
        checklist: CONTRACT_CHECKLIST.map((item) => ({ item, ok: true, note: '无仲裁条款，约定由人民法院管辖' })),
        reviewedSha256: s.documents.DRAFT.sha256,
      }),
    );
    s = ok(await step(id, 'drafter.mkt', 'sign', { signedSha256: s.documents.DRAFT.sha256, signatory: '局长' }));
    s = ok(await step(id, 'drafter.mkt', 'file', { filedWith: ['区司法局'], reference: 'BA-2026-9' }));
    expect(s.stage).toBe('PERFORMANCE');
    await eventually(
      async () => expect(await found(query)).toEqual([expect.objectContaining({ stage: 'PERFORMANCE' })]),
      30000,
    );
    s = ok(await step(id, 'drafter.mkt', 'close', { reason: '履行完毕' }));
    expect([s.stage, s.status]).toEqual(['CONTRACT_COMPLETED', 'ENDED']);

    const tar = await archiveOf(id);
    expect(json(tar, 'legality/opinions.json')).toEqual([
      expect.objectContaining({ conclusion: 'PASS', reasons: '协议合法，争议解决条款有效' }),
    ]);
    expect(json(tar, 'signing.json')).toMatchObject({ signedSha256: s.documents.DRAFT.sha256, signatory: '局长' });
    expect(json(tar, 'filing.json')).toMatchObject({ reference: 'BA-2026-9' });
    expect(json(tar, 'contract/facts.json')).toMatchObject({ counterpart: '某停车管理有限公司' });
    const signOffs = (json(tar, 'ledger.json') as { decision: string }[]).map((e) => e.decision);
    expect(signOffs).toEqual(expect.arrayContaining(['CONTRACT_REVIEW_PASS', 'CONTRACT_SIGNED']));
    expect(verify(tar)).toEqual({ status: 0, result: expect.objectContaining({ ok: true, procedureId: id }) });
    expect(verify(tampered(tar, 'legality/opinions.json', '协议合法，争议解决条款有效'))).toEqual({
      status: 1,
      result: expect.objectContaining({ ok: false, file: 'legality/opinions.json' }),
    });
    const [listed] = await found(query);
    await archiveWithoutHistory(id, listed.workflowId, tar, [
      'contract/facts.json',
      'legality/opinions.json',
      'signing.json',
      'filing.json',
      'register/performance.json',
    ]);
  }, 240000);
});
