import type { HttpResult } from './http';
import { validApplication } from './records';
import type { Stack } from './stack';
import { uniqueSuffix } from './test-env';

/** The part of a procedure's live snapshot the browser journeys read. */
export interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
  commentWindow?: { windowId: string; closed: boolean; commentIds: string[]; answeredIds: string[] } | null;
}

export interface TaskRow {
  id: string;
  kind: string;
  status: string;
  stage: string;
  assigneeUserId: string | null;
}

/**
 * Steps of a normative-document procedure over HTTP, as the demo users take them, for tests that bring a procedure to
 * the stage their own journey starts from. `onStarted` hears of every procedure started (to withdraw it afterwards).
 */
export function procedureSteps(stack: Stack, options: { onStarted?: (procedureId: string) => void } = {}) {
  const ok = <T = Snapshot>(res: HttpResult<T>): T => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const drafter = async (id: string, path: string, body: unknown = {}) =>
    ok(await stack.http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}${path}`, { body }));
  const upload = async (id: string, kind: string, text: string) =>
    ok(
      await stack.http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${id}/documents/${kind}`, {
        rawBody: text,
        headers: { 'content-type': 'text/plain' },
      }),
    );
  /** A step at `POST /api/procedures/:id/steps/:step`; a step that closes a task closes the procedure's open one. */
  const step = async (user: string, id: string, name: string, body: unknown = {}) =>
    ok(await stack.http.as<Snapshot>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body }));
  const live = async (id: string) =>
    (await stack.http.as<{ live: Snapshot }>('officer.zhang', 'GET', `/api/procedures/${id}`)).body.live;
  const tasks = async (id: string) =>
    (await stack.http.as<{ tasks: TaskRow[] }>('officer.zhang', 'GET', `/api/procedures/${id}`)).body.tasks;
  const userOf = async (userId: string | null) =>
    (
      await stack.db.query<{ username: string; display_name: string }[]>(
        'SELECT username, display_name FROM app_user WHERE id = $1',
        [userId],
      )
    )[0];

  /** A project approved by the legal-affairs office: the procedure is drafting. */
  async function approved(title: string): Promise<string> {
    const s = ok(
      await stack.http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title, application: { ...validApplication, touchesBusiness: false } },
      }),
    );
    options.onStarted?.(s.procedureId);
    await step('officer.zhang', s.procedureId, 'project-approval', { decision: 'APPROVED', opinion: '同意立项' });
    return s.procedureId;
  }

  /** Drafting with a draft and an adviser opinion requested; returns the opinion task and its adviser. */
  async function withAdviserOpinionTask(title: string): Promise<{ id: string; taskId: string; adviser: string }> {
    const id = await approved(title);
    await upload(id, 'DRAFT', `${title}\n第一条 为规范管理，制定本办法。\n`);
    await drafter(id, '/adviser-opinion-requests', { expertise: ['教育'], question: '第一条是否有上位法依据？' });
    const opinion = (await tasks(id)).find((t) => t.kind === 'ADVISER_OPINION' && t.status === 'OPEN')!;
    return { id, taskId: opinion.id, adviser: (await userOf(opinion.assigneeUserId)).username };
  }

  return { ok, drafter, upload, step, live, tasks, userOf, approved, withAdviserOpinionTask };
}
