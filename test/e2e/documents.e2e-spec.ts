import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string; versionId: string }>;
}
interface DocumentList {
  kind: string;
  current: { version: number; sha256: string; versionId: string } | null;
  versions: { version: number; sha256: string; versionId: string; uploadedBy: string; filename: string }[];
}
interface ErrorBody {
  code: string;
  message: string;
}

const sha = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');
const V1 = '第一条 为了规范校外培训机构办学行为，制定本办法。\n第二条 本办法适用于本区。\n';
const V2 =
  '第一条 为了规范校外培训机构办学行为，保护学生合法权益，制定本办法。\n第二条 本办法适用于本区。\n第三条 新增条款。\n';

describe('documents and their versions', () => {
  let http: ApiClient;
  let db: DataSource;
  let procedure: Snapshot;

  const stack = useStack('e2e-documents', { extraEnv: { DOCUMENT_MAX_BYTES: '4096' } });
  beforeAll(async () => {
    ({ http, db } = stack);
    const res = await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode: uniqueSuffix(), title: '金坛区校外培训机构管理办法', application: validApplication },
    });
    procedure = res.body;
  });

  const upload = (text: string, user = 'drafter.edu', contentType = 'text/plain; charset=utf-8') =>
    http.as<Snapshot & ErrorBody>(user, 'POST', `/api/procedures/${procedure.procedureId}/documents/DRAFT`, {
      rawBody: text,
      headers: {
        'content-type': contentType,
        'x-filename': encodeURIComponent('草案.txt'),
        'x-note': encodeURIComponent('初稿'),
      },
    });

  it('should refuse uploads before the project is approved, storing nothing', async () => {
    const before = await recordCounts(db);
    const [{ n: blobsBefore }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM blob');
    const res = await upload(V1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'WRONG_STAGE',
      message: 'Documents can be added while drafting or revising; the procedure is in stage PROJECT_APPROVAL.',
    });
    expect(await recordCounts(db)).toEqual(before);
    const [{ n: blobsAfter }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM blob');
    expect(blobsAfter).toBe(blobsBefore);
  });

  it('should number versions, bind each to its SHA-256, and record a double click once', async () => {
    const approved = await http.as<Snapshot>(
      'officer.zhang',
      'POST',
      `/api/procedures/${procedure.procedureId}/steps/project-approval`,
      {
        body: { decision: 'APPROVED', opinion: '同意立项' },
      },
    );
    expect(approved.body.stage).toBe('DRAFTING');

    const v1 = await upload(V1);
    expect(v1.status).toBe(201);
    expect(v1.body.documents?.DRAFT).toMatchObject({ version: 1, sha256: sha(V1) });
    const again = await upload(V1);
    expect(again.status).toBe(201);
    expect(again.body.documents?.DRAFT).toMatchObject({ version: 1, sha256: sha(V1) });
    const v2 = await upload(V2);
    expect(v2.body.documents?.DRAFT).toMatchObject({ version: 2, sha256: sha(V2) });

    const list = await http.as<DocumentList[]>(
      'officer.zhang',
      'GET',
      `/api/procedures/${procedure.procedureId}/documents`,
    );
    expect(list.status).toBe(200);
    const draft = list.body.find((d) => d.kind === 'DRAFT')!;
    expect(draft.versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, sha(V1)],
      [2, sha(V2)],
    ]);
    expect(draft.versions[0]).toMatchObject({ filename: '草案.txt', uploadedBy: '王起草（教育局）' });
    expect(draft.current?.version).toBe(2);
    const audits = await db.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM audit_entry WHERE procedure_id = $1 AND action = 'document.version.added'",
      [procedure.procedureId],
    );
    expect(Number(audits[0].n)).toBe(2);
  });

  it('should give the same file uploaded to another procedure a version of that procedure', async () => {
    const other = (
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '金坛区另一份管理办法', application: validApplication },
      })
    ).body;
    await http.as('officer.zhang', 'POST', `/api/procedures/${other.procedureId}/steps/project-approval`, {
      body: { decision: 'APPROVED', opinion: '同意立项' },
    });
    const res = await http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${other.procedureId}/documents/DRAFT`, {
      rawBody: V1,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(res.status).toBe(201);
    expect(res.body.documents?.DRAFT).toMatchObject({ version: 1, sha256: sha(V1) });
    const mine = await db.query<{ procedure_id: string }[]>(
      'SELECT d.procedure_id FROM document_version v JOIN document d ON d.id = v.document_id WHERE v.id = $1',
      [res.body.documents!.DRAFT.versionId],
    );
    expect(mine[0].procedure_id).toBe(other.procedureId);
  });

  it('should serve the exact bytes and a line diff between versions', async () => {
    const list = await http.as<DocumentList[]>(
      'drafter.edu',
      'GET',
      `/api/procedures/${procedure.procedureId}/documents`,
    );
    const [v1, v2] = list.body.find((d) => d.kind === 'DRAFT')!.versions;
    const content = await http.as<string>('drafter.edu', 'GET', `/api/documents/versions/${v1.versionId}/content`);
    expect(content.body).toBe(V1);
    expect(content.headers.get('etag')).toBe(`"${sha(V1)}"`);
    const diff = await http.as<{ added: number; removed: number; unifiedDiff: string }>(
      'officer.zhang',
      'GET',
      `/api/documents/versions/${v2.versionId}/diff`,
    );
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ added: 2, removed: 1 });
    expect(diff.body.unifiedDiff).toContain('-第一条 为了规范校外培训机构办学行为，制定本办法。');
    expect(diff.body.unifiedDiff).toContain('+第三条 新增条款。');
    // Administrators operate the system and leaders decide later: neither reads the working draft while drafting.
    for (const username of ['admin', 'leader.zhou']) {
      const listed = await http.as<DocumentList[]>(
        username,
        'GET',
        `/api/procedures/${procedure.procedureId}/documents`,
      );
      expect(listed.status).toBe(200);
      const text = await http.as<ErrorBody>(username, 'GET', `/api/documents/versions/${v1.versionId}/content`);
      expect(text.status).toBe(403);
      expect(text.body.message).toBe('You can see this procedure but not its draft texts in its current stage.');
    }
    const first = await http.as<ErrorBody>('officer.zhang', 'GET', `/api/documents/versions/${v1.versionId}/diff`);
    expect(first.status).toBe(422);
    expect(first.body.message).toBe('Version 1 is the first; there is nothing to compare.');
  });

  it('should refuse the wrong type, an oversize file, another department and another role, changing nothing', async () => {
    const before = await recordCounts(db);
    const zip = await upload('PK...', 'drafter.edu', 'application/zip');
    expect(zip.status).toBe(415);
    expect(zip.body.message).toMatch(/content type is not accepted/);
    const big = await upload('长'.repeat(3000));
    expect(big.status).toBe(413);
    const other = await upload('x', 'drafter.mkt');
    expect(other.status).toBe(404);
    const adviser = await upload('x', 'adviser.li');
    expect(adviser.status).toBe(403);
    const hidden = await http.as<ErrorBody>('drafter.mkt', 'GET', `/api/procedures/${procedure.procedureId}/documents`);
    expect(hidden.status).toBe(404);
    const unknownKind = await http.as<ErrorBody>(
      'drafter.edu',
      'POST',
      `/api/procedures/${procedure.procedureId}/documents/MEMO`,
      {
        rawBody: 'x',
        headers: { 'content-type': 'text/plain' },
      },
    );
    expect(unknownKind.status).toBe(404);
    expect(await recordCounts(db)).toEqual(before);
  });
});
