import type { DataSource } from 'typeorm';
import { LedgerEntryEntity, LedgerRepository } from '@lawgate/persistence';
import { validApplication } from '../support/records';
import { type Stack, useStack } from '../support/stack';
import { eventually } from '../support/eventually';
import { uniqueSuffix } from '../support/test-env';
import type { Alert, Snapshot } from '../support/integrity';

async function approvedProcedure(stack: Stack, title: string): Promise<Snapshot> {
  const started = await stack.http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
    body: { projectCode: uniqueSuffix(), title, application: validApplication },
  });
  expect(started.status).toBe(201);
  const approved = await stack.http.as<Snapshot>(
    'officer.zhang',
    'POST',
    `/api/procedures/${started.body.procedureId}/steps/project-approval`,
    { body: { decision: 'APPROVED', opinion: '同意立项' } },
  );
  expect(approved.status).toBe(200);
  return started.body;
}

async function alertsOf(stack: Stack, procedureId: string): Promise<Alert[]> {
  const res = await stack.http.as<{ alerts: Alert[] }>(
    'officer.zhang',
    'GET',
    `/api/admin/integrity/alerts?procedureId=${procedureId}`,
  );
  expect(res.status).toBe(200);
  return res.body.alerts;
}

const ledgerOf = (db: DataSource, procedureId: string) =>
  db.getRepository(LedgerEntryEntity).find({ where: { procedureId }, order: { seq: 'ASC' } });

/**
 * A sign-off written into the ledger by someone with the application's database role (who may insert): properly
 * chained, so `ledger:verify` is content, but written by no step of any workflow. Backdated past the reconciliation's
 * grace period, as a forger would.
 */
async function forgeEntry(db: DataSource, procedure: Snapshot, actorId: string): Promise<LedgerEntryEntity> {
  const [real] = await ledgerOf(db, procedure.procedureId);
  return db.transaction((m) =>
    new LedgerRepository(db).append(m, {
      procedureId: procedure.procedureId,
      taskId: null,
      workflowId: procedure.workflowId,
      stage: 'DRAFTING',
      actorId,
      actorName: real.actorName,
      actorRole: real.actorRole,
      actorUnitId: real.actorUnitId,
      decision: 'LAWFUL',
      opinion: '经审查，合法',
      documentSha256: 'f'.repeat(64),
      idempotencyKey: `forged-${uniqueSuffix()}`,
      recordedAt: new Date(Date.now() - 5 * 60_000),
    }),
  );
}

/**
 * The reconciliation compares each procedure's ledger with its workflow's history entry by entry: the history
 * records each sign-off (the update that carried the step, its actor, and the ledger position and hash the sign-off
 * activity reported), so a deleted entry and an entry no step wrote are each an alert of their own.
 */
describe('the reconciliation of the ledger with the workflow histories, entry by entry', () => {
  const stack = useStack('e2e-ledger-reconcile');

  it('raises LEDGER_ENTRY_MISSING for a deleted entry and LEDGER_ENTRY_UNMATCHED for a forged one, nothing for a clean procedure', async () => {
    const clean = await approvedProcedure(stack, '金坛区台账完整测试办法');
    const tampered = await approvedProcedure(stack, '金坛区台账被删测试办法');
    const forged = await approvedProcedure(stack, '金坛区台账伪造测试办法');
    const later = await approvedProcedure(stack, '金坛区台账后续测试办法');
    expect((await ledgerOf(stack.db, later.procedureId)).length).toBe(1);

    // As the database superuser, behind the ledger's triggers, delete the approval's entry (not the chain's last).
    const [deleted] = await ledgerOf(stack.db, tampered.procedureId);
    expect(deleted.decision).toBe('APPROVED');
    await stack.db.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query('DELETE FROM ledger_entry WHERE seq = $1', [deleted.seq]);
    });
    const [officerEntry] = await ledgerOf(stack.db, forged.procedureId);
    const forgedEntry = await forgeEntry(stack.db, forged, officerEntry.actorId);

    try {
      const run = await stack.http.as<{ checked: number; raised: Alert[] }>(
        'officer.zhang',
        'POST',
        '/api/admin/integrity/reconcile',
      );
      expect(run.status).toBe(200);
      const raisedFor = (id: string) => run.body.raised.filter((a) => a.procedureId === id).map((a) => a.kind);
      expect(raisedFor(clean.procedureId)).toEqual([]);
      expect(raisedFor(later.procedureId)).toEqual([]);
      expect(raisedFor(tampered.procedureId)).toEqual(['LEDGER_ENTRY_MISSING']);
      expect(raisedFor(forged.procedureId)).toEqual(['LEDGER_ENTRY_UNMATCHED']);

      const [missing] = await alertsOf(stack, tampered.procedureId);
      expect(missing).toMatchObject({
        kind: 'LEDGER_ENTRY_MISSING',
        workflowId: tampered.workflowId,
        message: expect.stringContaining('decideProjectApproval') as string,
        details: {
          ledgerSeq: deleted.seq,
          history: {
            hash: deleted.hash,
            update: {
              updateId: deleted.idempotencyKey,
              updateName: 'decideProjectApproval',
              updateActorId: deleted.actorId,
            },
          },
        },
      });
      const [unmatched] = await alertsOf(stack, forged.procedureId);
      expect(unmatched).toMatchObject({
        kind: 'LEDGER_ENTRY_UNMATCHED',
        details: { ledgerSeq: forgedEntry.seq, decision: 'LAWFUL', idempotencyKey: forgedEntry.idempotencyKey },
      });
      expect(await alertsOf(stack, clean.procedureId)).toEqual([]);

      // Nothing is raised twice; unchanged procedures are not compared again.
      const again = await stack.http.as<{ raised: Alert[] }>('officer.zhang', 'POST', '/api/admin/integrity/reconcile');
      expect(
        again.body.raised.filter((a) => [tampered.procedureId, forged.procedureId].includes(a.procedureId)),
      ).toEqual([]);
      const marked = await stack.db.query<{ procedure_id: string }[]>(
        'SELECT procedure_id FROM reconciliation_mark WHERE procedure_id = ANY($1::uuid[])',
        [[clean.procedureId, tampered.procedureId, forged.procedureId]],
      );
      expect(marked).toHaveLength(3);
    } finally {
      // Put the deleted entry back as it was, so that the run's ledger still verifies for the other files.
      await stack.db.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query(
          `INSERT INTO ledger_entry (seq, procedure_id, task_id, workflow_id, stage, actor_id, actor_name, actor_role,
             actor_unit_id, decision, opinion, document_sha256, idempotency_key, recorded_at, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [
            deleted.seq,
            deleted.procedureId,
            deleted.taskId,
            deleted.workflowId,
            deleted.stage,
            deleted.actorId,
            deleted.actorName,
            deleted.actorRole,
            deleted.actorUnitId,
            deleted.decision,
            deleted.opinion,
            deleted.documentSha256,
            deleted.idempotencyKey,
            deleted.recordedAt,
            deleted.prevHash,
            deleted.hash,
          ],
        );
      });
    }
  });
});

/** The worker reconciles on its timer (`RECONCILIATION_SECONDS`), without anyone asking. */
describe("the worker's timed reconciliation", () => {
  const stack = useStack('e2e-ledger-reconcile-timer', {
    ownProcesses: true,
    extraEnv: { RECONCILIATION_SECONDS: '2' },
  });

  it('raises the alert for a forged ledger entry by itself', async () => {
    const procedure = await approvedProcedure(stack, '金坛区定时核对测试办法');
    const [real] = await ledgerOf(stack.db, procedure.procedureId);
    const forged = await forgeEntry(stack.db, procedure, real.actorId);
    const alerts = await eventually(
      async () => {
        const found = await alertsOf(stack, procedure.procedureId);
        expect(found.map((a) => a.kind)).toEqual(['LEDGER_ENTRY_UNMATCHED']);
        return found;
      },
      60_000,
      1000,
    );
    expect(alerts[0].details).toMatchObject({ ledgerSeq: forged.seq });
  });
});
