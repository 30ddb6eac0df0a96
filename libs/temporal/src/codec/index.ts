import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm.codec';
import { parsePayloadKeys, type PlaintextPolicy } from './keys';

export * from './aes-gcm.codec';
export * from './keys';
export * from './unauthenticated';

/**
 * The data converter the API's client and the worker share: payloads sealed with LawGate's keys. Undefined when no
 * keys are configured (development without `npm start`; refused in production by the configuration).
 */
export function lawgateDataConverter(config: {
  TEMPORAL_PAYLOAD_KEYS?: string;
  TEMPORAL_PAYLOAD_PLAINTEXT?: string;
}): DataConverter | undefined {
  if (!config.TEMPORAL_PAYLOAD_KEYS) return undefined;
  const policy: PlaintextPolicy = config.TEMPORAL_PAYLOAD_PLAINTEXT === 'accept' ? 'accept' : 'refuse';
  return { payloadCodecs: [new AesGcmPayloadCodec(parsePayloadKeys(config.TEMPORAL_PAYLOAD_KEYS), policy)] };
}
