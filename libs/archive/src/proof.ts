import {
  checkpointStatement,
  type SignedCheckpoint,
  ledgerHash,
  type LedgerPayload,
  publicKeyIdOf,
  verifySignature,
  ARCHIVE_CHAIN,
  ARCHIVE_CHECKPOINT,
} from '@lawgate/persistence';
import { MANIFEST, MANIFEST_SIGNATURE, readBundle, sha256Hex, verifyBundle, type Manifest } from './bundle';

export { ARCHIVE_CHAIN, ARCHIVE_CHECKPOINT };
const PROCEDURE_LEDGER = 'ledger.json';

type ChainEntry = LedgerPayload & { seq: string; prevHash: string; hash: string };

export interface ArchiveCheck {
  name: 'signature' | 'files' | 'ledger-chain' | 'sign-off-documents';
  ok: boolean;
  detail: string;
}

export interface ArchiveVerification {
  ok: boolean;
  procedureId?: string;
  /** The first file that does not match the manifest, when that is what failed. */
  file?: string;
  checks: ArchiveCheck[];
}

/**
 * Everything `npm run archive:verify` checks, offline: the manifest's Ed25519 signature with a key the verifier trusts
 * (never one from the archive), every file against the manifest, the ledger chain segment inside the archive link by
 * link up to a checkpoint signed with that key, and that every sign-off's SHA-256 is a document in the archive.
 * Checks stop at the first that fails (a later check would rely on it).
 */
export function verifyArchive(tar: Buffer, trustedKeyPem: string): ArchiveVerification {
  const checks: ArchiveCheck[] = [];
  const done = (check: ArchiveCheck, procedureId?: string): ArchiveVerification | null => {
    checks.push(check);
    return check.ok ? null : { ok: false, ...(procedureId ? { procedureId } : {}), checks };
  };
  let byPath: Map<string, Buffer>;
  try {
    byPath = new Map(readBundle(tar).map((f) => [f.path, f.content]));
  } catch (err) {
    return { ok: false, checks: [{ name: 'files', ok: false, detail: (err as Error).message }] };
  }
  const manifestBytes = byPath.get(MANIFEST);
  const signature = byPath.get(MANIFEST_SIGNATURE);
  let manifest: Manifest | undefined;
  try {
    manifest = manifestBytes ? (JSON.parse(manifestBytes.toString('utf8')) as Manifest) : undefined;
  } catch {
    manifest = undefined;
  }
  const trustedId = publicKeyIdOf(trustedKeyPem);
  const signatureCheck: ArchiveCheck =
    !manifestBytes || !manifest
      ? { name: 'signature', ok: false, detail: 'the manifest is missing or unreadable' }
      : !signature
        ? { name: 'signature', ok: false, detail: `${MANIFEST_SIGNATURE} is missing: the manifest is not signed` }
        : manifest.signingKeyId !== trustedId
          ? {
              name: 'signature',
              ok: false,
              detail: `the manifest names key ${manifest.signingKeyId}, the trusted key is ${trustedId}`,
            }
          : !verifySignature(trustedKeyPem, manifestBytes.toString('utf8'), signature.toString('utf8'))
            ? {
                name: 'signature',
                ok: false,
                detail: 'the manifest signature does not verify: the manifest was changed or regenerated',
              }
            : { name: 'signature', ok: true, detail: `manifest signed by key ${trustedId}` };
  let failed = done(signatureCheck);
  if (failed) return failed;
  const procedureId = manifest!.procedureId;

  const files = verifyBundle(tar);
  failed = done(
    files.ok
      ? { name: 'files', ok: true, detail: `${files.files} files match the manifest` }
      : { name: 'files', ok: false, detail: `${files.file}: ${files.reason}` },
    procedureId,
  );
  if (failed) return { ...failed, ...(files.ok ? {} : { file: files.file }) };

  failed = done(checkChain(byPath, trustedKeyPem), procedureId);
  if (failed) return failed;

  failed = done(checkSignOffDocuments(byPath), procedureId);
  if (failed) return failed;
  return { ok: true, procedureId, checks };
}

function parse<T>(byPath: Map<string, Buffer>, path: string): T | undefined {
  const raw = byPath.get(path);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

function checkChain(byPath: Map<string, Buffer>, trustedKeyPem: string): ArchiveCheck {
  const chain = parse<ChainEntry[]>(byPath, ARCHIVE_CHAIN);
  const checkpoint = parse<SignedCheckpoint>(byPath, ARCHIVE_CHECKPOINT);
  if (!chain || !checkpoint) {
    return { name: 'ledger-chain', ok: false, detail: `${ARCHIVE_CHAIN} or ${ARCHIVE_CHECKPOINT} is missing` };
  }
  if (!verifySignature(trustedKeyPem, checkpointStatement(checkpoint), checkpoint.signature)) {
    return { name: 'ledger-chain', ok: false, detail: 'the checkpoint signature does not verify' };
  }
  const own = parse<{ seq: string; hash: string }[]>(byPath, PROCEDURE_LEDGER) ?? [];
  if (chain.length === 0) {
    return own.length === 0
      ? { name: 'ledger-chain', ok: true, detail: 'no sign-offs; checkpoint signature valid' }
      : { name: 'ledger-chain', ok: false, detail: 'the procedure has sign-offs but the chain segment is empty' };
  }
  for (let i = 0; i < chain.length; i++) {
    const { seq, prevHash, hash, ...payload } = chain[i];
    if (i > 0 && prevHash !== chain[i - 1].hash) {
      return { name: 'ledger-chain', ok: false, detail: `entry ${seq}: previous-hash link does not match` };
    }
    if (ledgerHash(prevHash, payload) !== hash) {
      return { name: 'ledger-chain', ok: false, detail: `entry ${seq}: content does not match its hash` };
    }
  }
  const last = chain[chain.length - 1];
  if (last.seq !== checkpoint.ledgerHeadSeq || last.hash !== checkpoint.ledgerHeadHash) {
    return {
      name: 'ledger-chain',
      ok: false,
      detail: `the segment ends at entry ${last.seq}, not at the checkpoint's head ${checkpoint.ledgerHeadSeq}`,
    };
  }
  const inChain = new Map(chain.map((e) => [e.seq, e.hash]));
  const missing = own.find((e) => inChain.get(e.seq) !== e.hash);
  if (missing) {
    return { name: 'ledger-chain', ok: false, detail: `sign-off ${missing.seq} is not in the checkpointed chain` };
  }
  return {
    name: 'ledger-chain',
    ok: true,
    detail: `${chain.length} entries link up to checkpoint head ${checkpoint.ledgerHeadSeq} (signed ${checkpoint.signedAt})`,
  };
}

function checkSignOffDocuments(byPath: Map<string, Buffer>): ArchiveCheck {
  const own = parse<{ seq: string; documentSha256: string | null }[]>(byPath, PROCEDURE_LEDGER) ?? [];
  const present = new Set([...byPath.values()].map((content) => sha256Hex(content)));
  const bound = own.filter((e) => e.documentSha256);
  const missing = bound.find((e) => !present.has(e.documentSha256!));
  if (missing) {
    return {
      name: 'sign-off-documents',
      ok: false,
      detail: `sign-off ${missing.seq} names document ${missing.documentSha256}, which is not in the archive`,
    };
  }
  return {
    name: 'sign-off-documents',
    ok: true,
    detail: `${bound.length} sign-offs each match a document in the archive`,
  };
}
