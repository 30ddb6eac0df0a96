import { verify } from 'node:crypto';
import { useStack } from '../support/stack';
import { eventually } from '../support/eventually';
import { procedureSteps } from '../support/procedure-steps';

interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorUsername: string | null;
  procedureId: string | null;
  details: Record<string, unknown>;
  hash: string;
}
interface AuditPage {
  entries: AuditEntry[];
  nextBeforeId: string | null;
}
interface Checkpoint {
  ledgerHeadSeq: string;
  ledgerHeadHash: string;
  auditHeadId: string;
  auditHeadHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** The audit trail read through the API, and the signed checkpoints published beside the public register. */
describe('the audit trail and the published checkpoints', () => {
  const stack = useStack('e2e-trust-audit');

  it('records a failed login without its password, and the office finds it by filters', async () => {
    const wrong = 'not-the-password-Zx81';
    // Other files share the run's database and may fail a login as drafter.edu too: count only what this one adds.
    const earlier = await stack.http.as<AuditPage>('officer.zhang', 'GET', '/api/admin/audit?action=auth.login.failed');
    const seen = new Set(earlier.body.entries.map((e) => e.hash));
    const refused = await stack.http.request('POST', '/api/auth/login', {
      body: { username: 'drafter.edu', password: wrong },
    });
    expect(refused.status).toBe(401);
    await stack.http.as('drafter.edu', 'GET', '/api/auth/me'); // a successful login too

    const failed = await stack.http.as<AuditPage>('officer.zhang', 'GET', '/api/admin/audit?action=auth.login.failed');
    expect(failed.status).toBe(200);
    const mine = failed.body.entries.filter((e) => e.details.username === 'drafter.edu' && !seen.has(e.hash));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      action: 'auth.login.failed',
      actorId: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(failed.body)).not.toContain(wrong);
    expect(failed.body.entries.every((e) => e.action === 'auth.login.failed')).toBe(true);

    const byUser = await stack.http.as<AuditPage>(
      'officer.zhang',
      'GET',
      '/api/admin/audit?action=auth.&actorUsername=drafter.edu',
    );
    expect(byUser.body.entries.map((e) => e.action)).toContain('auth.login');
    expect(byUser.body.entries.every((e) => e.actorUsername === 'drafter.edu')).toBe(true);

    const later = await stack.http.as<AuditPage>(
      'officer.zhang',
      'GET',
      `/api/admin/audit?action=auth.login.failed&from=${encodeURIComponent(new Date(Date.now() + 60000).toISOString())}`,
    );
    expect(later.body.entries).toEqual([]);
  });

  it('records who read which document version, under its procedure', async () => {
    const { approved, upload } = procedureSteps(stack);
    const id = await approved('金坛区审计测试办法');
    const uploaded = (await upload(id, 'DRAFT', '第一条 为规范管理，制定本办法。\n')) as {
      documents?: Record<string, { versionId: string }>;
    };
    const versionId = uploaded.documents!.DRAFT.versionId;
    expect((await stack.http.as('officer.zhang', 'GET', `/api/documents/versions/${versionId}/content`)).status).toBe(
      200,
    );
    // A download is audited once its bytes are sent (the handler answers the reply itself): eventually.
    await eventually(async () => {
      const reads = await stack.http.as<AuditPage>(
        'officer.zhang',
        'GET',
        `/api/admin/audit?action=document.read&procedureId=${id}`,
      );
      expect(reads.body.entries).toEqual([
        expect.objectContaining({
          action: 'document.read',
          actorUsername: 'officer.zhang',
          procedureId: id,
          details: expect.objectContaining({ params: { versionId } }),
        }),
      ]);
    });
  });

  it('refuses the trail to a drafter and refuses bad filters with a clear 4xx', async () => {
    expect((await stack.http.as('drafter.edu', 'GET', '/api/admin/audit')).status).toBe(403);
    const bad = await stack.http.as<{ code: string }>(
      'officer.zhang',
      'GET',
      '/api/admin/audit?procedureId=nope&limit=0',
    );
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('publishes signed checkpoints that verify with the published key, and the office verification uses them', async () => {
    const key = await stack.http.request<string>('GET', '/api/public/ledger/key');
    expect(key.body).toContain('BEGIN PUBLIC KEY');
    const feed = await eventually(async () => {
      const res = await stack.http.request<{ items: { _checkpoint: Checkpoint }[] }>(
        'GET',
        '/api/public/feeds/ledger-checkpoints.json',
      );
      expect(res.body.items.length).toBeGreaterThan(0);
      return res.body;
    });
    const c = feed.items[0]._checkpoint;
    const statement = [
      'lawgate-ledger-checkpoint/1',
      c.ledgerHeadSeq,
      c.ledgerHeadHash,
      c.auditHeadId,
      c.auditHeadHash,
      c.signedAt,
    ].join('\n');
    expect(verify(null, Buffer.from(statement), key.body, Buffer.from(c.signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(`${statement}x`), key.body, Buffer.from(c.signature, 'base64'))).toBe(false);

    const result = await stack.http.as<{ ok: boolean; problems: string[]; checkpoint: { signatureValid: boolean } }>(
      'officer.zhang',
      'GET',
      '/api/admin/ledger/verify',
    );
    expect(result.body).toMatchObject({ ok: true, problems: [], checkpoint: { signatureValid: true } });
  });
});
