import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrgUnitEntity, ProcedureEntity, UserEntity } from '../../libs/persistence/src/entities';
import { GENESIS_HASH } from '../../libs/persistence/src/ledger/ledger-hash';
import { LedgerRepository, type LedgerAppend } from '../../libs/persistence/src/ledger/ledger.repository';
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
