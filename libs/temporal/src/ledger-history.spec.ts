import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { ledgerViewOf, updateOfKey } from './ledger-history';

const fixture = (name: string) =>
  historyFromJSON(
    JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/histories', name), 'utf8')) as unknown,
  );
// The recorded fixtures are plaintext: the SDK's default converter reads them as they were recorded.
const converter = loadDataConverter();

describe('the sign-offs a workflow history records', () => {
  it('reads each local sign-off with its ledger position and hash, and the update that carried it', async () => {
    const view = await ledgerViewOf(fixture('normative-document-v6-cleanup-decision-update.json'), converter);
    expect(view.signOffs.length).toBeGreaterThan(5);
    expect(view.signOffs.map((s) => s.ledgerSeq)).toEqual(view.signOffs.map((_s, i) => String(i + 1)));
    expect(view.signOffs.every((s) => /^[0-9a-f]{64}$/.test(s.hash ?? ''))).toBe(true);
    const [approval] = view.signOffs;
    const carrier = approval.inFlight.find((u) => u.actorId);
    expect(carrier).toMatchObject({ name: 'decideProjectApproval', outcome: 'SUCCESS' });
    expect(updateOfKey(view.updates.values(), carrier!.updateId)).toBe(carrier);
    // A refused clean-up decision (an invented campaign) failed before signing: an update, but no sign-off.
    const refused = [...view.updates.values()].filter((u) => u.name === 'applyCleanupDecision');
    expect(refused.map((u) => u.outcome)).toEqual(['FAILURE', 'SUCCESS', 'SUCCESS']);
  });

  it('reads a sign-off recorded as an ordinary activity with its input (older histories)', async () => {
    const view = await ledgerViewOf(fixture('normative-document-v1-approved-withdrawn.json'), converter);
    expect(view.signOffs).toHaveLength(1);
    expect(view.signOffs[0].input).toMatchObject({ decision: 'APPROVED', actor: { userId: expect.any(String) } });
    expect(view.signOffs[0].ledgerSeq).toEqual(expect.any(String));
  });
});
