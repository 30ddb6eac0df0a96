import type { DataSource } from 'typeorm';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
}
interface Available {
  type: string;
  stage: string;
  steps: { step: string; scope: string; schema: Record<string, { type: unknown; optional?: boolean }> }[];
}
interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}
interface OpenApi {
  paths: Record<string, { post?: { requestBody?: unknown; responses: Record<string, unknown> } }>;
}

/** The one step API, `POST /api/procedures/:id/steps/:step`, and the list of what the caller may do now. */
describe('the procedure step API through API, Temporal, worker and PostgreSQL', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-steps');
  beforeAll(() => {
    ({ http, db } = stack);
  });

  async function start(): Promise<Snapshot> {
    const res = await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode: uniqueSuffix(), title: '金坛区农贸市场管理办法', application: validApplication },
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const available = async (user: string, id: string) =>
    (await http.as<Available>(user, 'GET', `/api/procedures/${id}/steps`)).body;

  it('should list the step each person can take now, with the fields of its body', async () => {
    const { procedureId } = await start();
    const officer = await available('officer.zhang', procedureId);
    expect(officer).toMatchObject({ type: 'NORMATIVE_DOCUMENT', stage: 'PROJECT_APPROVAL' });
    expect(officer.steps.map((s) => s.step)).toEqual(['project-approval']);
    // The approval confirms (or corrects, with a reason) the drafter's business declaration.
    expect(Object.keys(officer.steps[0].schema)).toEqual(['decision', 'opinion', 'businessDeclaration']);
    // The drafting unit may only withdraw now; another department's drafter sees nothing at all.
    expect((await available('drafter.edu', procedureId)).steps.map((s) => s.step)).toEqual(['withdraw']);
    expect((await http.as<ErrorBody>('drafter.mkt', 'GET', `/api/procedures/${procedureId}/steps`)).status).toBe(404);
  });

  it('should take a step, refuse bad input, a wrong role and an unknown step with nothing changed', async () => {
    const { procedureId } = await start();
    const before = await recordCounts(db);
    const post = (user: string, step: string, body: unknown, key?: string) =>
      http.as<Snapshot & ErrorBody>(user, 'POST', `/api/procedures/${procedureId}/steps/${step}`, {
        body,
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });

    const bad = await post('officer.zhang', 'project-approval', { decision: 'MAYBE', opinion: 'x', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.details.fields as object).sort()).toEqual(['decision', 'extra']);
    expect((await post('drafter.edu', 'project-approval', { decision: 'APPROVED', opinion: '' })).status).toBe(403);
    expect((await post('officer.zhang', 'no-such-step', {})).status).toBe(404);
    // A step of another stage reaches the workflow, which refuses it (the stage has not come).
    const early = await post('drafter.edu', 'complete-drafting', { note: '完成' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('WRONG_STAGE');
    expect(await recordCounts(db)).toEqual(before);

    const key = `steps-${uniqueSuffix()}`;
    const approved = await post(
      'officer.zhang',
      'project-approval',
      { decision: 'APPROVED', opinion: '同意立项' },
      key,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('DRAFTING');
    // The same request again answers the same, and signs nothing twice.
    const again = await post('officer.zhang', 'project-approval', { decision: 'APPROVED', opinion: '同意立项' }, key);
    expect(again.status).toBe(200);
    expect(again.body.stage).toBe('DRAFTING');
    const [{ n }] = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM ledger_entry WHERE procedure_id = $1 AND stage = 'PROJECT_APPROVAL'`,
      [procedureId],
    );
    expect(Number(n)).toBe(1);
  });

  it('should document every step in OpenAPI with its request body and responses', async () => {
    const doc = (await http.request<OpenApi>('GET', '/api/openapi.json')).body;
    for (const step of ['project-approval', 'materials-check', 'launch', 'legality-opinion', 'meeting']) {
      const post = doc.paths[`/api/procedures/{id}/steps/${step}`]?.post;
      expect(post?.requestBody).toBeDefined();
      // Beside the step's own answers, the edge refusals every operation with a body can give (openapi-document.ts).
      expect(Object.keys(post!.responses).sort()).toEqual(
        ['200', '400', '401', '403', '404', '409', '413', '414', '415', '422', '429', '500', '503'].sort(),
      );
    }
    expect(doc.paths['/api/procedures/{id}/steps/{step}']).toBeUndefined();
  });
});
