import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKey, PlaintextPolicy } from './keys';
import { UNAUTHENTICATED_KEY } from './unauthenticated';

export const ENCRYPTED_ENCODING = 'binary/lawgate-aes256gcm';
export const KEY_ID_METADATA = 'lawgate-key-id';
/** Bound into every tag, so a ciphertext of another system using the same key format does not authenticate here. */
const AAD = Buffer.from('lawgate-temporal-payload/1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const metaText = (payload: Payload, key: string): string | undefined => {
  const raw = payload.metadata?.[key];
  return raw ? decoder.decode(raw) : undefined;
};

function marker(reason: string): Payload {
  return {
    metadata: { encoding: encoder.encode('json/plain') },
    data: encoder.encode(JSON.stringify({ [UNAUTHENTICATED_KEY]: reason })),
  };
}

/**
 * Authenticated encryption of every Temporal payload (AES-256-GCM). The API's client and the worker share the keys;
 * the key id travels in the payload's metadata, so rotated keys keep decrypting what they wrote. A payload that does
 * not authenticate (no LawGate encryption, an unknown key id, a wrong tag) never decodes to its content: it decodes
 * to a marker that workflow code refuses (see `unauthenticated.ts`). Plaintext is accepted as itself only with the
 * `accept` policy of a migration window (histories written before payloads were encrypted).
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(
    private readonly keys: readonly PayloadKey[],
    private readonly plaintext: PlaintextPolicy = 'refuse',
  ) {
    if (keys.length === 0) throw new Error('The payload codec needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0];
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(AAD);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: encoder.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: encoder.encode(id) },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  private decodeOne(payload: Payload): Payload {
    if (metaText(payload, 'encoding') !== ENCRYPTED_ENCODING) {
      return this.plaintext === 'accept' ? payload : marker('plaintext payload');
    }
    const keyId = metaText(payload, KEY_ID_METADATA) ?? '';
    const key = this.byId.get(keyId);
    if (!key) return marker(`unknown key id "${keyId}"`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) return marker('truncated ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES)).setAAD(AAD);
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    } catch {
      return marker('authentication tag does not match');
    }
  }
}
