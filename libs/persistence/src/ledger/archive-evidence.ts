import { type DataSource } from 'typeorm';
import { LedgerEntryEntity } from '../entities';
import { CheckpointRepository, publishedCheckpoint } from './checkpoint.repository';
import { payloadOf } from './ledger.repository';
import type { EvidenceSigner } from './signing-key';

/** Where a decision archive carries its ledger evidence (read back by libs/archive's offline verifier). */
export const ARCHIVE_CHAIN = 'ledger/chain.json';
export const ARCHIVE_CHECKPOINT = 'ledger/checkpoint.json';

/**
 * The ledger evidence a decision archive carries, so that `archive:verify` can check it offline: the chain segment
 * from the procedure's first sign-off up to a signed checkpoint (written now if the head moved), and that checkpoint.
 * The segment holds every entry in between, other procedures' included: each hash can only be recomputed from the
 * entry's own fields.
 */
export async function ledgerEvidenceFiles(
  dataSource: DataSource,
  procedureId: string,
  signer: EvidenceSigner,
): Promise<{ path: string; content: Buffer }[]> {
  const checkpoints = new CheckpointRepository(dataSource);
  await checkpoints.checkpointIfDue(signer);
  const checkpoint = await checkpoints.latest();
  if (!checkpoint) throw new Error('No ledger checkpoint could be written');
  const [first] = await dataSource.query<{ seq: string | null }[]>(
    'SELECT min(seq)::text AS seq FROM ledger_entry WHERE procedure_id = $1',
    [procedureId],
  );
  const chain = first.seq
    ? await dataSource
        .getRepository(LedgerEntryEntity)
        .createQueryBuilder('e')
        .where('e.seq >= :from AND e.seq <= :to', { from: first.seq, to: checkpoint.ledgerHeadSeq })
        .orderBy('e.seq', 'ASC')
        .getMany()
    : [];
  const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
  return [
    {
      path: ARCHIVE_CHAIN,
      content: json(chain.map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, ...payloadOf(e) }))),
    },
    { path: ARCHIVE_CHECKPOINT, content: json(publishedCheckpoint(checkpoint)) },
  ];
}
