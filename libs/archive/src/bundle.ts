import { createHash } from 'node:crypto';

/**
 * The decision archive bundle (决策档案, 国务院令第713号 Art 33): a POSIX ustar file of plain files, one of which,
 * `manifest.json`, names every other file with its SHA-256. A tar, so that an inspector or a court can open it with
 * any archiver, and verify it offline with `npm run archive:verify -- <bundle.tar>` (no database, no network).
 */
export const MANIFEST = 'manifest.json';
/** Ed25519 signature (base64) over the manifest's exact bytes, by LawGate's evidence key. */
export const MANIFEST_SIGNATURE = 'manifest.sig';
export const BUNDLE_FORMAT = 'lawgate-decision-archive/1';

/** What signs a manifest: the evidence key (see libs/persistence/src/ledger/signing-key.ts). */
export interface ManifestSigner {
  keyId: string;
  sign(statement: string): string;
}

export interface BundleFile {
  path: string;
  content: Buffer;
}

export interface Manifest {
  format: string;
  procedureId: string;
  generatedAt: string;
  /** The evidence key that signed `manifest.sig` (absent in unsigned bundles of earlier versions). */
  signingKeyId?: string;
  /** Every file of the bundle except the manifest and its signature, with its SHA-256 (hex). */
  files: Record<string, string>;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

function header(path: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(512);
  const name = Buffer.from(path, 'utf8');
  if (name.length > 100) throw new RangeError(`Archive path too long for ustar: ${path}`);
  name.copy(h, 0);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** Writes the files and a manifest of their SHA-256 into one tar; with a signer, also the manifest's signature. */
export function writeBundle(
  procedureId: string,
  files: BundleFile[],
  now = new Date(),
  signer?: ManifestSigner,
): Buffer {
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    procedureId,
    generatedAt: now.toISOString(),
    ...(signer ? { signingKeyId: signer.keyId } : {}),
    files: Object.fromEntries(files.map((f) => [f.path, sha256Hex(f.content)])),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const all = [
    { path: MANIFEST, content: manifestBytes },
    ...(signer
      ? [{ path: MANIFEST_SIGNATURE, content: Buffer.from(signer.sign(manifestBytes.toString('utf8'))) }]
      : []),
    ...files,
  ];
  const mtime = Math.floor(now.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const f of all) {
    parts.push(
      header(f.path, f.content.length, mtime),
      f.content,
      Buffer.alloc((512 - (f.content.length % 512)) % 512),
    );
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** The files of a tar written by `writeBundle` (regular files only). */
export function readBundle(tar: Buffer): BundleFile[] {
  const files: BundleFile[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const h = tar.subarray(offset, offset + 512);
    if (h.every((b) => b === 0)) break;
    const path = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    if (!path || Number.isNaN(size)) throw new Error(`The archive is damaged at byte ${offset} (unreadable header).`);
    const start = offset + 512;
    files.push({ path, content: tar.subarray(start, start + size) });
    offset = start + Math.ceil(size / 512) * 512;
  }
  return files;
}

export type Verification =
  { ok: true; files: number; procedureId: string } | { ok: false; file: string; reason: string };

/** Checks every file against the manifest; names the first file that fails (in manifest order). */
export function verifyBundle(tar: Buffer): Verification {
  let files: BundleFile[];
  try {
    files = readBundle(tar);
  } catch (err) {
    return { ok: false, file: '(archive)', reason: (err as Error).message };
  }
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const raw = byPath.get(MANIFEST);
  if (!raw) return { ok: false, file: MANIFEST, reason: 'the manifest is missing' };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as Manifest;
  } catch {
    return { ok: false, file: MANIFEST, reason: 'the manifest is not valid JSON' };
  }
  if (manifest.format !== BUNDLE_FORMAT || typeof manifest.files !== 'object') {
    return { ok: false, file: MANIFEST, reason: `the manifest is not a ${BUNDLE_FORMAT} manifest` };
  }
  for (const [path, expected] of Object.entries(manifest.files)) {
    const content = byPath.get(path);
    if (!content) return { ok: false, file: path, reason: 'listed in the manifest but missing from the archive' };
    const actual = sha256Hex(content);
    if (actual !== expected) {
      return { ok: false, file: path, reason: `SHA-256 is ${actual}, the manifest says ${expected}` };
    }
  }
  for (const f of files) {
    if (f.path !== MANIFEST && f.path !== MANIFEST_SIGNATURE && !(f.path in manifest.files)) {
      return { ok: false, file: f.path, reason: 'not listed in the manifest' };
    }
  }
  return { ok: true, files: Object.keys(manifest.files).length, procedureId: manifest.procedureId };
}
