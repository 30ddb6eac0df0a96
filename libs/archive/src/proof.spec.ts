import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointStatement, GENESIS_HASH, ledgerHash, type LedgerPayload, signerFromPem } from '@lawgate/persistence';
import { readBundle, writeBundle, type BundleFile } from './bundle';
import { ARCHIVE_CHAIN, ARCHIVE_CHECKPOINT, DECISION_RECORDS_FILE, STATE_RECORDS_FILE, verifyArchive } from './proof';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const KEY = pem();
const signer = signerFromPem(KEY);
const draft = Buffer.from('第一条 为了规范管理，制定本办法。\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2));

/** A small archive as ArchiveService writes it: a document, the procedure's sign-offs, the chain and its checkpoint. */
function archiveFiles(ownDecisions: string[] = ['LAWFUL']): BundleFile[] {
  const base: Omit<LedgerPayload, 'idempotencyKey' | 'decision' | 'documentSha256'> = {
    procedureId: 'p1',
    taskId: null,
    workflowId: 'normative-document:p1',
    stage: 'LEGALITY_REVIEW',
    actorId: 'a1',
    actorName: '张审核',
    actorRole: 'LEGAL_AFFAIRS_OFFICER',
    actorUnitId: 'u1',
    opinion: '合法',
    recordedAt: '2026-11-29T10:00:00.000Z',
  };
  const chain = [];
  let prev = GENESIS_HASH;
  const entries: [string, string, string | null, string][] = [
    ...ownDecisions.map((d, i): [string, string, string | null, string] => [
      String(i + 1),
      'p1',
      i === 0 ? sha(draft) : null,
      d,
    ]),
    [String(ownDecisions.length + 1), 'other', null, 'LAWFUL'],
  ];
  for (const [seq, procedureId, documentSha256, decision] of entries) {
    const payload = { ...base, procedureId, documentSha256, decision, idempotencyKey: `k${seq}` };
    const hash = ledgerHash(prev, payload);
    chain.push({ seq, prevHash: prev, hash, ...payload });
    prev = hash;
  }
  const claim = {
    ledgerHeadSeq: String(entries.length),
    ledgerHeadHash: prev,
    auditHeadId: '0',
    auditHeadHash: GENESIS_HASH,
    signedAt: '2026-11-29T10:01:00.000Z',
  };
  return [
    { path: `documents/DRAFT/v1-${sha(draft).slice(0, 16)}.txt`, content: draft },
    { path: 'ledger.json', content: json(chain.filter((e) => e.procedureId === 'p1')) },
    { path: ARCHIVE_CHAIN, content: json(chain) },
    {
      path: ARCHIVE_CHECKPOINT,
      content: json({ ...claim, keyId: signer.keyId, signature: signer.sign(checkpointStatement(claim)) }),
    },
  ];
}

describe('verifyArchive', () => {
  it('accepts an archive as written: signature, files, chain up to the checkpoint, documents of the sign-offs', () => {
    const result = verifyArchive(writeBundle('p1', archiveFiles(), new Date(), signer), KEY);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['signature', true],
      ['files', true],
      ['ledger-chain', true],
      ['sign-off-documents', true],
      ['decision-records', true],
      ['state-records', true],
    ]);
    expect(result.ok).toBe(true);
  });

  it('fails on the signature when a file was edited and the manifest regenerated', () => {
    const original = readBundle(writeBundle('p1', archiveFiles(), new Date(), signer));
    const edited = original
      .filter((f) => f.path !== 'manifest.json' && f.path !== 'manifest.sig')
      .map((f) => (f.path.startsWith('documents/') ? { ...f, content: Buffer.from('第一条 已被改动。\n') } : f));
    // Regenerated with a key of the forger's own, and regenerated with the old signature copied over: both fail.
    const forged = writeBundle('p1', edited, new Date(), signerFromPem(pem()));
    expect(verifyArchive(forged, KEY).checks).toEqual([
      { name: 'signature', ok: false, detail: expect.stringMatching(/the trusted key is/) },
    ]);
    const oldSig = original.find((f) => f.path === 'manifest.sig')!.content.toString();
    const copied = writeBundle('p1', edited, new Date(), { keyId: signer.keyId, sign: () => oldSig });
    const result = verifyArchive(copied, KEY);
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([
      {
        name: 'signature',
        ok: false,
        detail: expect.stringMatching(/does not verify: the manifest was changed or regenerated/),
      },
    ]);

    // The same through the command line, as an inspector runs it.
    const dir = mkdtempSync(join(tmpdir(), 'lawgate-archive-'));
    writeFileSync(join(dir, 'forged.tar'), copied);
    writeFileSync(join(dir, 'key.pem'), signer.publicKeyPem);
    let exit = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [
          require.resolve('ts-node/dist/bin.js'),
          '--transpile-only',
          join(__dirname, '..', '..', '..', 'scripts', 'archive-verify.ts'),
          join(dir, 'forged.tar'),
          '--public-key',
          join(dir, 'key.pem'),
        ],
        { stdio: 'pipe' },
      );
    } catch (err) {
      exit = (err as { status: number }).status;
      stderr = String((err as { stderr: Buffer }).stderr);
    }
    expect(exit).toBe(1);
    expect(stderr).toMatch(/^signature: the manifest signature does not verify/);
  });

  it('fails when a sign-off names a document the archive does not hold, or the chain was changed', () => {
    const files = archiveFiles().filter((f) => !f.path.startsWith('documents/'));
    expect(verifyArchive(writeBundle('p1', files, new Date(), signer), KEY).checks.pop()).toMatchObject({
      name: 'sign-off-documents',
      ok: false,
    });
    const chained = archiveFiles().map((f) =>
      f.path === ARCHIVE_CHAIN ? { ...f, content: Buffer.from(f.content.toString().replace('"合法"', '"不合法"')) } : f,
    );
    expect(verifyArchive(writeBundle('p1', chained, new Date(), signer), KEY).checks.pop()).toEqual({
      name: 'ledger-chain',
      ok: false,
      detail: 'entry 1: content does not match its hash',
    });
  });

  describe("a major decision's records kept in PostgreSQL", () => {
    /** The archive of a procedure whose second sign-off (PUBLISHED) kept its record. */
    const withRecords = (edit: (records: Record<string, unknown>[], hashes: string[]) => void = () => undefined) => {
      const files = archiveFiles(['LAWFUL', 'PUBLISHED', 'EVALUATED']);
      const own = JSON.parse(files.find((f) => f.path === 'ledger.json')!.content.toString()) as { hash: string }[];
      const publication = JSON.stringify({ channels: ['GAZETTE'], reference: '公报2026年第4期' });
      const evaluation = JSON.stringify({ evaluator: '第三方评估机构', result: '效果良好' });
      const records: Record<string, unknown>[] = [
        {
          kind: 'PUBLICATION',
          content: publication,
          contentSha256: sha(Buffer.from(publication)),
          ledgerHash: own[1].hash,
        },
        {
          kind: 'EVALUATION',
          content: evaluation,
          contentSha256: sha(Buffer.from(evaluation)),
          ledgerHash: own[2].hash,
        },
      ];
      edit(
        records,
        own.map((e) => e.hash),
      );
      return writeBundle('p1', [...files, { path: DECISION_RECORDS_FILE, content: json(records) }], new Date(), signer);
    };

    it('accepts records that match their SHA-256 and their sign-offs', () => {
      const result = verifyArchive(withRecords(), KEY);
      expect(result.checks.find((c) => c.name === 'decision-records')).toMatchObject({
        name: 'decision-records',
        ok: true,
      });
      expect(result.ok).toBe(true);
    });

    it('fails on a record whose text does not match its SHA-256', () => {
      const archive = withRecords((records) => {
        records[0].content = JSON.stringify({ channels: ['WEBSITE'], reference: '改动' });
      });
      expect(verifyArchive(archive, KEY).checks.find((c) => c.name === 'decision-records')).toEqual({
        name: 'decision-records',
        ok: false,
        detail: 'record 0 (PUBLICATION) does not match its SHA-256',
      });
    });

    it('fails when a recorded step lost its record, or a record names no sign-off of the procedure', () => {
      expect(
        verifyArchive(
          withRecords((records) => records.pop()),
          KEY,
        ).checks.find((c) => c.name === 'decision-records'),
      ).toEqual({
        name: 'decision-records',
        ok: false,
        detail: 'sign-off 3 (EVALUATED) has no EVALUATION record',
      });
      const unlinked = withRecords((records) => {
        records[1].ledgerHash = 'f'.repeat(64);
      });
      expect(verifyArchive(unlinked, KEY).checks.find((c) => c.name === 'decision-records')).toMatchObject({
        name: 'decision-records',
        ok: false,
        detail: "record 1 (EVALUATION) names no sign-off of this procedure's ledger",
      });
      const misfiled = withRecords((records, hashes) => {
        records[1].ledgerHash = hashes[0];
      });
      expect(verifyArchive(misfiled, KEY).checks.find((c) => c.name === 'decision-records')).toMatchObject({
        name: 'decision-records',
        ok: false,
      });
    });
  });

  describe("an enforcement or contract review's archived state kept in PostgreSQL", () => {
    const withState = (edit: (records: Record<string, unknown>[]) => void = () => undefined) => {
      const files = archiveFiles(['LAWFUL', 'PUBLISHED']);
      const own = JSON.parse(files.find((f) => f.path === 'ledger.json')!.content.toString()) as { hash: string }[];
      const opinions = JSON.stringify([{ conclusion: 'AGREE', reasons: '事实清楚' }]);
      const records: Record<string, unknown>[] = [
        { kind: 'STATE:versions', content: '[]', contentSha256: sha(Buffer.from('[]')), ledgerHash: null },
        {
          kind: 'STATE:opinions',
          content: opinions,
          contentSha256: sha(Buffer.from(opinions)),
          ledgerHash: own[1].hash,
        },
      ];
      edit(records);
      return writeBundle('p1', [...files, { path: STATE_RECORDS_FILE, content: json(records) }], new Date(), signer);
    };
    const stateCheck = (tar: Buffer) => verifyArchive(tar, KEY).checks.find((c) => c.name === 'state-records');

    it('accepts records that match their SHA-256 and name sign-offs of the ledger', () => {
      expect(stateCheck(withState())).toMatchObject({ ok: true });
      expect(verifyArchive(withState(), KEY).ok).toBe(true);
    });

    it('fails on a record whose text changed, or that names a sign-off of another ledger', () => {
      expect(
        stateCheck(
          withState((records) => {
            records[1].content = JSON.stringify([{ conclusion: 'AGREE', reasons: '改动' }]);
          }),
        ),
      ).toEqual({ name: 'state-records', ok: false, detail: 'record 1 (STATE:opinions) does not match its SHA-256' });
      expect(
        stateCheck(
          withState((records) => {
            records[1].ledgerHash = 'f'.repeat(64);
          }),
        ),
      ).toEqual({
        name: 'state-records',
        ok: false,
        detail: 'record 1 (STATE:opinions) names no sign-off of this ledger',
      });
    });
  });
});
