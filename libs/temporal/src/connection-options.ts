import type { AppConfig } from '@lawgate/config';

/** Connection options shared by the client (`Connection`) and the worker (`NativeConnection`). */
export function temporalConnectionOptions(
  config: Pick<AppConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS' | 'TEMPORAL_API_KEY'>,
): { address: string; tls?: boolean; apiKey?: string } {
  const apiKey = config.TEMPORAL_API_KEY;
  return {
    address: config.TEMPORAL_ADDRESS,
    ...(config.TEMPORAL_TLS || apiKey ? { tls: true } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}
