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
/** A major decision's step records as kept in PostgreSQL (`decision_record`). */
export const DECISION_RECORDS_FILE = 'records/decision-records.json';
/**
 * The state an enforcement or contract review's own archive files are built from, as kept in PostgreSQL
 * (`decision_record` rows of kind `STATE:<field>`, written when the field changed).
 */
export const STATE_RECORDS_FILE = 'records/state-records.json';

/**
 * Sign-offs whose step keeps a record: once a procedure keeps records (from its first recorded sign-off on), each
 * such sign-off must have its record in the archive.
 */
export const RECORDED_SIGN_OFFS: Readonly<Record<string, string>> = {
  EXPERT_OPINION: 'EXPERT_OPINION',
  EXPERTS_ARGUED: 'EXPERT_ADOPTION',
  HEARING_HELD: 'HEARING',
  RISK_CONTROLLABLE: 'RISK_ASSESSMENT',
  RISK_UNCONTROLLABLE: 'RISK_ASSESSMENT',
  DECIDED_ADOPTED: 'MEETING_MINUTES',
  DECIDED_NOT_ADOPTED: 'MEETING_MINUTES',
  REPORTED_TO_PARTY_COMMITTEE: 'PARTY_REPORT',
  PUBLISHED: 'PUBLICATION',
  EXECUTION_PROGRESS: 'EXECUTION_REPORT',
  EXECUTION_PROBLEM: 'EXECUTION_REPORT',
  EVALUATED: 'EVALUATION',
};

interface KeptRecord {
  kind: string;
  content: string;
  contentSha256: string;
  ledgerHash: string | null;
}

type ChainEntry = LedgerPayload & { seq: string; prevHash: string; hash: string };

export interface ArchiveCheck {
  name: 'signature' | 'files' | 'ledger-chain' | 'sign-off-documents' | 'decision-records' | 'state-records';
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

  failed = done(checkDecisionRecords(byPath), procedureId);
  if (failed) return failed;
  failed = done(checkStateRecords(byPath), procedureId);
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

/**
 * The signed papers a step's record names by SHA-256 (an expert's signed written opinion, the hearing record signed by
 * its participants): LawGate holds their hash, not their bytes, so a sign-off naming one is matched by its record.
 */
function externallySigned(byPath: Map<string, Buffer>): Map<string, string> {
  const records = parse<KeptRecord[]>(byPath, DECISION_RECORDS_FILE);
  const out = new Map<string, string>();
  for (const r of Array.isArray(records) ? records : []) {
    if (!r.ledgerHash || typeof r.content !== 'string') continue;
    try {
      const content = JSON.parse(r.content) as { signedSha256?: unknown; signedRecordSha256?: unknown };
      const signed = content.signedSha256 ?? content.signedRecordSha256;
      if (typeof signed === 'string') out.set(r.ledgerHash, signed);
    } catch {
      // an unreadable record is reported by the decision-records check
    }
  }
  return out;
}

function checkSignOffDocuments(byPath: Map<string, Buffer>): ArchiveCheck {
  const own = parse<{ seq: string; hash: string; documentSha256: string | null }[]>(byPath, PROCEDURE_LEDGER) ?? [];
  const present = new Set([...byPath.values()].map((content) => sha256Hex(content)));
  const external = externallySigned(byPath);
  const bound = own.filter((e) => e.documentSha256);
  const missing = bound.find((e) => !present.has(e.documentSha256!) && external.get(e.hash) !== e.documentSha256);
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

/**
 * A major decision's records (read from PostgreSQL when the archive was made): each record's text matches its
 * SHA-256; each names the sign-off that recorded its step, and that sign-off is one of the procedure's (whose chain
 * the previous checks proved); and from the first recorded sign-off on, every sign-off of a recorded step has its
 * record of the right kind, so a record dropped before the archive was signed is named.
 */
function checkDecisionRecords(byPath: Map<string, Buffer>): ArchiveCheck {
  const own = parse<{ seq: string; decision: string; hash: string }[]>(byPath, PROCEDURE_LEDGER) ?? [];
  const raw = byPath.get(DECISION_RECORDS_FILE);
  if (!raw) {
    const recordable = own.filter((e) => RECORDED_SIGN_OFFS[e.decision]).length;
    return {
      name: 'decision-records',
      ok: true,
      detail: recordable
        ? `no records kept in PostgreSQL (the procedure predates them); ${recordable} recorded steps are in the ledger`
        : 'no step that keeps a record',
    };
  }
  const records = parse<KeptRecord[]>(byPath, DECISION_RECORDS_FILE);
  if (!Array.isArray(records)) {
    return { name: 'decision-records', ok: false, detail: `${DECISION_RECORDS_FILE} is unreadable` };
  }
  const bySignOff = new Map(own.map((e) => [e.hash, e]));
  for (const [i, r] of records.entries()) {
    if (typeof r.content !== 'string' || sha256Hex(Buffer.from(r.content, 'utf8')) !== r.contentSha256) {
      return { name: 'decision-records', ok: false, detail: `record ${i} (${r.kind}) does not match its SHA-256` };
    }
    const signOff = r.ledgerHash ? bySignOff.get(r.ledgerHash) : undefined;
    if (!signOff) {
      return {
        name: 'decision-records',
        ok: false,
        detail: `record ${i} (${r.kind}) names no sign-off of this procedure's ledger`,
      };
    }
    if (RECORDED_SIGN_OFFS[signOff.decision] !== r.kind) {
      return {
        name: 'decision-records',
        ok: false,
        detail: `record ${i} (${r.kind}) is linked to sign-off ${signOff.seq} (${signOff.decision})`,
      };
    }
  }
  const recorded = new Set(records.map((r) => r.ledgerHash));
  const first = own.findIndex((e) => recorded.has(e.hash));
  const missing =
    first < 0 ? undefined : own.slice(first).find((e) => RECORDED_SIGN_OFFS[e.decision] && !recorded.has(e.hash));
  if (missing) {
    return {
      name: 'decision-records',
      ok: false,
      detail: `sign-off ${missing.seq} (${missing.decision}) has no ${RECORDED_SIGN_OFFS[missing.decision]} record`,
    };
  }
  return {
    name: 'decision-records',
    ok: true,
    detail: `${records.length} records match their SHA-256 and their sign-offs in the ledger`,
  };
}

/**
 * The archived state kept in PostgreSQL (an enforcement or contract review's case file): each record's text matches
 * its SHA-256, and a record linked to a sign-off names one of the procedure's (whose chain the previous checks proved).
 */
function checkStateRecords(byPath: Map<string, Buffer>): ArchiveCheck {
  if (!byPath.get(STATE_RECORDS_FILE)) return { name: 'state-records', ok: true, detail: 'no archived state kept' };
  const records = parse<KeptRecord[]>(byPath, STATE_RECORDS_FILE);
  if (!Array.isArray(records)) {
    return { name: 'state-records', ok: false, detail: `${STATE_RECORDS_FILE} is unreadable` };
  }
  const own = new Set((parse<{ hash: string }[]>(byPath, PROCEDURE_LEDGER) ?? []).map((e) => e.hash));
  for (const [i, r] of records.entries()) {
    if (typeof r.content !== 'string' || sha256Hex(Buffer.from(r.content, 'utf8')) !== r.contentSha256) {
      return { name: 'state-records', ok: false, detail: `record ${i} (${r.kind}) does not match its SHA-256` };
    }
    if (r.ledgerHash && !own.has(r.ledgerHash)) {
      return { name: 'state-records', ok: false, detail: `record ${i} (${r.kind}) names no sign-off of this ledger` };
    }
  }
  return {
    name: 'state-records',
    ok: true,
    detail: `${records.length} records of the archived state match their SHA-256 and their sign-offs in the ledger`,
  };
}
