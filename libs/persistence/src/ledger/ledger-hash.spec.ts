import { GENESIS_HASH, ledgerHash, type LedgerPayload } from './ledger-hash';

const payload: LedgerPayload = {
  procedureId: 'p',
  taskId: 't',
  workflowId: 'w',
  stage: 'PROJECT_APPROVAL',
  actorId: 'a',
  actorName: '张审核',
  actorRole: 'LEGAL_AFFAIRS_OFFICER',
  actorUnitId: 'u',
  decision: 'APPROVED',
  opinion: '同意',
  documentSha256: null,
  idempotencyKey: 'k',
  recordedAt: '2026-01-01T00:00:00.000Z',
};

describe(ledgerHash.name, () => {
  it('should be a stable SHA-256 hex digest', () => {
    const hash = ledgerHash(GENESIS_HASH, payload);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ledgerHash(GENESIS_HASH, { ...payload })).toBe(hash);
  });

  it.each(Object.keys(payload) as (keyof LedgerPayload)[])('should change when %s changes', (field) => {
    const changed = { ...payload, [field]: field === 'documentSha256' ? 'f'.repeat(64) : `${String(payload[field])}x` };
    expect(ledgerHash(GENESIS_HASH, changed)).not.toBe(ledgerHash(GENESIS_HASH, payload));
  });

  it('should depend on the previous hash, so entries cannot be reordered', () => {
    expect(ledgerHash('1'.repeat(64), payload)).not.toBe(ledgerHash(GENESIS_HASH, payload));
  });
});
