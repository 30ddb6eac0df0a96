import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { lawgateDataConverter } from '@lawgate/temporal';

/** Writes a fresh Ed25519 signing key (PKCS#8 PEM) for this test run; returns its path. */
export function writeTestSigningKey(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `signing-key-${process.pid}.pem`);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return path;
}

/** The data converter LawGate's processes use in this run (payloads sealed with the run's key). */
export function lawgateTestDataConverter(): DataConverter | undefined {
  return lawgateDataConverter({ TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS });
}
