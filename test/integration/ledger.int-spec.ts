import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  OrgUnitEntity,
  ProcedureEntity,
  UserEntity,
  CheckpointRepository,
  EvidenceVerifier,
  GENESIS_HASH,
  ledgerHash,
  type LedgerPayload,
  signerFromPem,
  APPLICATION_ROLE,
  AuditRepository,
  LedgerRepository,
  type LedgerAppend,
} from '@lawgate/persistence';
import { withScratchDatabase } from '../support/scratch-db';

async function seedProcedure(dataSource: DataSource): Promise<{ procedureId: string; userId: string; unitId: string }> {
  const unit = await dataSource
    .getRepository(OrgUnitEntity)
    .save({ code: `U-${randomUUID()}`, name: 'u', kind: 'DEPARTMENT' as never, parentId: null });
  const user = await dataSource.getRepository(UserEntity).save({
    username: `u-${randomUUID()}`,
    displayName: '审核人',
    passwordHash: null,
    orgUnitId: unit.id,
    roles: [],
    active: true,
  });
  const procedureId = randomUUID();
  await dataSource.getRepository(ProcedureEntity).insert({
    id: procedureId,
    workflowId: `wf-${procedureId}`,
    type: 'NORMATIVE_DOCUMENT',
    projectCode: 'p',
    title: 't',
    departmentId: unit.id,
    initiatorId: user.id,
    stage: 'PROJECT_APPROVAL',
    status: 'ACTIVE',
    policyVersion: 'test',
    details: {},
  });
  return { procedureId, userId: user.id, unitId: unit.id };
}

function entry(
  ids: { procedureId: string; userId: string; unitId: string },
  key: string,
  opinion = '同意',
): LedgerAppend {
  return {
    procedureId: ids.procedureId,
    taskId: null,
    workflowId: `wf-${ids.procedureId}`,
    stage: 'PROJECT_APPROVAL',
    actorId: ids.userId,
    actorName: '审核人',
    actorRole: 'LEGAL_AFFAIRS_OFFICER',
    actorUnitId: ids.unitId,
    decision: 'APPROVED',
    opinion,
    documentSha256: null,
    idempotencyKey: key,
    recordedAt: new Date(),
  };
}

describe(LedgerRepository.name, () => {
  it('should chain entries, append once per idempotency key, and verify the chain', async () => {
    await withScratchDatabase(async (dataSource) => {
      const ledger = new LedgerRepository(dataSource);
      const ids = await seedProcedure(dataSource);
      const first = await dataSource.transaction((m) => ledger.append(m, entry(ids, 'k1')));
      const retried = await dataSource.transaction((m) => ledger.append(m, entry(ids, 'k1')));
      const second = await dataSource.transaction((m) => ledger.append(m, entry(ids, 'k2', '不同意')));
      expect(retried.seq).toBe(first.seq);
      expect(first.prevHash).toBe(GENESIS_HASH);
      expect(second.prevHash).toBe(first.hash);
      expect(await ledger.verify()).toEqual({ ok: true, checked: 2 });
    });
  });

  it("should refuse a different step under a step's key, and return the same step's entry again", async () => {
    await withScratchDatabase(async (dataSource) => {
      const ledger = new LedgerRepository(dataSource);
      const ids = await seedProcedure(dataSource);
      const step = { oneStepPerKey: true };
      const first = await dataSource.transaction((m) => ledger.append(m, entry(ids, 'step-1'), step));
      const same = await dataSource.transaction((m) => ledger.append(m, entry(ids, 'step-1'), step));
      expect(same.seq).toBe(first.seq);
      const refusals: [string, Partial<LedgerAppend>][] = [
        ['another decision', { decision: 'REJECTED' }],
        ['another opinion', { opinion: '不同意' }],
        ['another text', { documentSha256: 'a'.repeat(64) }],
        ['another person', { actorId: randomUUID() }],
      ];
      for (const [what, change] of refusals) {
        const attempt = dataSource.transaction((m) => ledger.append(m, { ...entry(ids, 'step-1'), ...change }, step));
        await expect(attempt).rejects.toMatchObject({ code: 'TASK_CLOSED', details: { decision: 'APPROVED' } });
        expect([what, (await ledger.findByProcedure(ids.procedureId)).length]).toEqual([what, 1]);
      }
      // Without the option (a key that is not a person's step), the entry written first is returned, as before.
      const system = await dataSource.transaction((m) => ledger.append(m, { ...entry(ids, 'step-1'), opinion: '另' }));
      expect(system.seq).toBe(first.seq);
      expect(await ledger.verify()).toEqual({ ok: true, checked: 1 });
    });
  });

  it('should refuse UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await withScratchDatabase(async (dataSource) => {
      const ledger = new LedgerRepository(dataSource);
      const ids = await seedProcedure(dataSource);
      await dataSource.transaction((m) => ledger.append(m, entry(ids, 'k1')));
      await expect(dataSource.query("UPDATE ledger_entry SET opinion = 'changed'")).rejects.toThrow(
        /append-only: UPDATE refused/,
      );
      await expect(dataSource.query('DELETE FROM ledger_entry')).rejects.toThrow(/append-only: DELETE refused/);
      await expect(dataSource.query('TRUNCATE ledger_entry')).rejects.toThrow(/append-only: TRUNCATE refused/);
      const rows = await dataSource.query<{ opinion: string }[]>('SELECT opinion FROM ledger_entry');
      expect(rows).toEqual([{ opinion: '同意' }]);
    });
  });

  it('should name the first entry a superuser changed behind the triggers', async () => {
    await withScratchDatabase(async (dataSource) => {
      const ledger = new LedgerRepository(dataSource);
      const ids = await seedProcedure(dataSource);
      for (const key of ['a', 'b', 'c']) await dataSource.transaction((m) => ledger.append(m, entry(ids, key)));
      const [middle] = await dataSource.query<{ seq: string }[]>(
        "SELECT seq FROM ledger_entry WHERE idempotency_key = 'b'",
      );
      await dataSource.transaction(async (m) => {
        // A superuser can bypass triggers; the hash chain is what catches it.
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query("UPDATE ledger_entry SET opinion = '不同意' WHERE idempotency_key = 'b'");
      });
      expect(await ledger.verify()).toEqual({
        ok: false,
        checked: 1,
        firstBroken: { seq: middle.seq, reason: 'content does not match its hash' },
      });
    });
  });
});

const keyPem = (): string =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Writes `n` entries and a signed checkpoint of the heads; returns the verifier and the key. */
async function checkpointedLedger(dataSource: DataSource, n: number) {
  const ledger = new LedgerRepository(dataSource);
  const ids = await seedProcedure(dataSource);
  for (let i = 0; i < n; i++) await dataSource.transaction((m) => ledger.append(m, entry(ids, `e${i}`, `意见${i}`)));
  await dataSource.transaction((m) =>
    new AuditRepository(dataSource).record(m, {
      actorKind: 'USER',
      actorId: ids.userId,
      action: 'auth.login.failed',
      procedureId: null,
      details: { username: 'x' },
      dedupKey: `k-${randomUUID()}`,
    }),
  );
  const pem = keyPem();
  const checkpoint = await new CheckpointRepository(dataSource).checkpointIfDue(signerFromPem(pem));
  expect(checkpoint?.reason).toBe('BATCH');
  return { verifier: new EvidenceVerifier(dataSource), pem, ids };
}

describe('signed checkpoints and the evidence owner role', () => {
  it('should verify a whole, checkpointed ledger and write a further checkpoint only when a chain moved or daily', async () => {
    await withScratchDatabase(async (dataSource) => {
      const { verifier, pem } = await checkpointedLedger(dataSource, 3);
      const result = await verifier.verify(pem);
      expect(result).toMatchObject({ ok: true, checked: 3, problems: [], audit: { ok: true, checked: 1 } });
      expect(result.checkpoint).toMatchObject({ ledgerHeadSeq: expect.any(String), signatureValid: true });
      const checkpoints = new CheckpointRepository(dataSource);
      expect(await checkpoints.checkpointIfDue(signerFromPem(pem))).toBeNull();
      const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
      expect((await checkpoints.checkpointIfDue(signerFromPem(pem), { now: tomorrow }))?.reason).toBe('DAILY');
      // Another key's checkpoint is not trusted.
      expect((await verifier.verify(keyPem())).problems).toEqual([
        expect.stringMatching(/signed with key [0-9a-f]{16}, not with the configured key/),
      ]);
    });
  });

  it('should detect the deletion of the last ledger entry (truncation)', async () => {
    await withScratchDatabase(async (dataSource) => {
      const { verifier, pem } = await checkpointedLedger(dataSource, 3);
      await dataSource.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica'); // a superuser, behind the triggers
        await m.query('DELETE FROM ledger_entry WHERE seq = (SELECT max(seq) FROM ledger_entry)');
      });
      const result = await verifier.verify(pem);
      expect(result.ok).toBe(false);
      expect(result.checked).toBe(2); // the remaining chain itself still links up
      expect(result.problems).toEqual([expect.stringMatching(/^ledger truncated: the checkpoint names entry \d+/)]);
    });
  });

  it('should detect a chain rewritten from some entry onwards with valid hashes (rewriting)', async () => {
    await withScratchDatabase(async (dataSource) => {
      const { verifier, pem } = await checkpointedLedger(dataSource, 4);
      const rows = await dataSource.query<Record<string, unknown>[]>('SELECT * FROM ledger_entry ORDER BY seq');
      await dataSource.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        let prev = rows[0].hash as string;
        for (const row of rows.slice(1)) {
          const payload: LedgerPayload = {
            procedureId: row.procedure_id as string,
            taskId: row.task_id as string | null,
            workflowId: row.workflow_id as string,
            stage: row.stage as string,
            actorId: row.actor_id as string,
            actorName: row.actor_name as string,
            actorRole: row.actor_role as string,
            actorUnitId: row.actor_unit_id as string,
            decision: 'REJECTED',
            opinion: row.opinion as string,
            documentSha256: row.document_sha256 as string | null,
            idempotencyKey: row.idempotency_key as string,
            recordedAt: (row.recorded_at as Date).toISOString(),
          };
          const hash = ledgerHash(prev, payload);
          await m.query(`UPDATE ledger_entry SET decision = 'REJECTED', prev_hash = $2, hash = $3 WHERE seq = $1`, [
            row.seq,
            prev,
            hash,
          ]);
          prev = hash;
        }
      });
      const result = await verifier.verify(pem);
      expect(result.checked).toBe(4); // every link and hash holds: only the checkpoint can tell
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.stringMatching(/^ledger rewritten: entry \d+ no longer has the hash/)]);
    });
  });

  it("should let the application's role insert and read the evidence, and refuse it everything else", async () => {
    await withScratchDatabase(async (dataSource) => {
      const ledger = new LedgerRepository(dataSource);
      const ids = await seedProcedure(dataSource);
      const asApp = <T>(sql: string) =>
        dataSource.transaction(async (m) => {
          await m.query(`SET LOCAL ROLE ${APPLICATION_ROLE}`);
          return m.query<T>(sql);
        });
      await dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL ROLE ${APPLICATION_ROLE}`);
        await ledger.append(m, entry(ids, 'as-app'));
        await new AuditRepository(dataSource).record(m, {
          actorKind: 'SYSTEM',
          actorId: null,
          action: 'test.inserted',
          procedureId: null,
          dedupKey: 'as-app',
        });
      });
      expect(await asApp<unknown[]>('SELECT seq FROM ledger_entry')).toHaveLength(1);
      for (const table of ['ledger_entry', 'audit_entry', 'ledger_checkpoint']) {
        await expect(asApp(`DROP TRIGGER ${table}_append_only ON ${table}`)).rejects.toThrow(/must be owner/);
        await expect(asApp(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
        await expect(asApp(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
        await expect(asApp(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      }
      await expect(asApp(`UPDATE audit_entry SET reason = 'x'`)).rejects.toThrow(/permission denied/);
      const [trigger] = await dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM pg_trigger WHERE tgname = 'ledger_entry_append_only'`,
      );
      expect(trigger.n).toBe('1');
    });
  });

  it('should chain the audit trail in the database and name an entry a superuser changed', async () => {
    await withScratchDatabase(async (dataSource) => {
      const audit = new AuditRepository(dataSource);
      for (const key of ['a1', 'a2', 'a3']) {
        await dataSource.transaction((m) =>
          audit.record(m, {
            actorKind: 'USER',
            actorId: null,
            action: 'document.read',
            procedureId: null,
            dedupKey: key,
          }),
        );
      }
      // Raw SQL writers extend the same chain.
      await dataSource.query(
        `INSERT INTO audit_entry (at, actor_kind, action, details, dedup_key) VALUES (now(), 'SYSTEM', 'raw', '{"b":1,"a":[2]}', 'a4')`,
      );
      const verifier = new EvidenceVerifier(dataSource);
      expect(await verifier.verifyAudit()).toEqual({ ok: true, checked: 4 });
      await expect(dataSource.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(
        /append-only: UPDATE refused/,
      );
      const [second] = await dataSource.query<{ id: string }[]>(`SELECT id FROM audit_entry WHERE dedup_key = 'a2'`);
      await dataSource.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query(`UPDATE audit_entry SET action = 'document.exported' WHERE dedup_key = 'a2'`);
      });
      expect(await verifier.verifyAudit()).toEqual({
        ok: false,
        checked: 1,
        firstBroken: { id: second.id, reason: 'content does not match its hash' },
      });
    });
  });
});
