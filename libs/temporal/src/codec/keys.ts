/** The payload keys are configuration (`TEMPORAL_PAYLOAD_KEYS`): parsed in libs/config, used by the codec here. */
export { generatePayloadKey, parsePayloadKeys, type PayloadKey, type PlaintextPolicy } from '@lawgate/config';
