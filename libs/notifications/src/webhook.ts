import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a webhook call: HMAC-SHA256 over `${timestamp}.${body}` with the shared secret, hex, sent as
 * `X-LawGate-Signature: sha256=<hex>` beside `X-LawGate-Timestamp` (Unix seconds). The receiver recomputes it and
 * refuses an old timestamp, so a captured call cannot be replayed later.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Posts one delivery; throws on anything but a 2xx, so that the outbox retries it. */
export async function postWebhook(
  url: string,
  secret: string,
  deliveryId: string,
  payload: unknown,
  timeoutMs = 10000,
): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lawgate-delivery': deliveryId,
      'x-lawgate-timestamp': String(timestamp),
      'x-lawgate-signature': signWebhook(secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}
