import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, KEY_ID_METADATA } from './aes-gcm.codec';
import { generatePayloadKey, parsePayloadKeys } from './keys';
import { isUnauthenticated, unauthenticatedReason, UNAUTHENTICATED_KEY } from './unauthenticated';

const value = { actor: { userId: 'u1', role: 'LEGAL_AFFAIRS_OFFICER' }, opinion: '合法' };
const toPayload = (v: unknown): Payload => defaultPayloadConverter.toPayload(v);
const fromPayload = (p: Payload): unknown => defaultPayloadConverter.fromPayload(p);
const [oldKey] = parsePayloadKeys(generatePayloadKey('old'));
const [newKey] = parsePayloadKeys(generatePayloadKey('new'));
const [strangerKey] = parsePayloadKeys(generatePayloadKey('new'));

describe(AesGcmPayloadCodec.name, () => {
  it('seals a payload so that its content is not readable, and opens it again', async () => {
    const codec = new AesGcmPayloadCodec([newKey]);
    const [sealed] = await codec.encode([toPayload(value)]);
    expect(Buffer.from(sealed.data!).toString('utf8')).not.toContain('LEGAL_AFFAIRS_OFFICER');
    expect(Buffer.from(sealed.metadata![KEY_ID_METADATA]).toString()).toBe('new');
    const [opened] = await codec.decode([sealed]);
    expect(fromPayload(opened)).toEqual(value);
  });

  it('rotates: the newest key seals, older keys still open what they sealed', async () => {
    const before = await new AesGcmPayloadCodec([oldKey]).encode([toPayload(value)]);
    const rotated = new AesGcmPayloadCodec([newKey, oldKey]);
    const after = await rotated.encode([toPayload(value)]);
    expect(Buffer.from(after[0].metadata![KEY_ID_METADATA]).toString()).toBe('new');
    expect((await rotated.decode([...before, ...after])).map(fromPayload)).toEqual([value, value]);
  });

  it.each([
    ['a plaintext payload', async () => toPayload(value), 'plaintext payload'],
    [
      'a key id it does not hold',
      async () => (await new AesGcmPayloadCodec([oldKey]).encode([toPayload(value)]))[0],
      'unknown key id "old"',
    ],
    [
      'a payload sealed with another key of the same id',
      async () => (await new AesGcmPayloadCodec([strangerKey]).encode([toPayload(value)]))[0],
      'authentication tag does not match',
    ],
    [
      'a sealed payload with one bit flipped',
      async () => {
        const [sealed] = await new AesGcmPayloadCodec([newKey]).encode([toPayload(value)]);
        const data = Buffer.from(sealed.data!);
        data[20] ^= 1;
        return { ...sealed, data };
      },
      'authentication tag does not match',
    ],
  ])('decodes %s to the unauthenticated marker, never to its content', async (_name, make, reason) => {
    const [decoded] = await new AesGcmPayloadCodec([newKey]).decode([await make()]);
    const result = fromPayload(decoded);
    expect(result).toEqual({ [UNAUTHENTICATED_KEY]: reason });
    expect(isUnauthenticated(result)).toBe(true);
    expect(unauthenticatedReason(['ok', result])).toBe(reason);
  });

  it('accepts plaintext as itself only under the migration policy', async () => {
    const [decoded] = await new AesGcmPayloadCodec([newKey], 'accept').decode([toPayload(value)]);
    expect(fromPayload(decoded)).toEqual(value);
    expect(unauthenticatedReason([fromPayload(decoded)])).toBeUndefined();
  });
});
