import { randomBytes } from 'node:crypto';

/** One AES-256 key of the payload codec, named by the id that goes into each payload's metadata. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** What a plaintext payload (written before the codec, or forged) decodes to. */
export type PlaintextPolicy = 'refuse' | 'accept';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses `TEMPORAL_PAYLOAD_KEYS`: comma-separated `id:base64key` entries, newest first. The first encrypts; every
 * listed key decrypts (rotation: put the new key first, keep the old ones until no open procedure needs them).
 */
export function parsePayloadKeys(raw: string): PayloadKey[] {
  const keys = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 1) throw new Error('each key must be id:base64key');
      const id = part.slice(0, colon);
      if (!KEY_ID.test(id)) throw new Error(`key id "${id}" must be 1-64 letters, digits, dot, dash or underscore`);
      const key = Buffer.from(part.slice(colon + 1), 'base64');
      if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes (base64), got ${key.length}`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('must name at least one key');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

/** A fresh key in the `id:base64key` form (for `npm start`, tests and operators' rotation). */
export function generatePayloadKey(id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}
