export * from './connection-options';
export * from './search-attributes.registrar';
export * from './temporal-client.module';
export * from './procedure-gateway';
export * from './procedure-errors';
export * from './busy-retry.interceptor';
export * from './codec';
