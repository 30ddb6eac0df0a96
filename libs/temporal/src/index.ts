export * from './connection-options';
export * from './search-attributes.registrar';
export * from './temporal-client.module';
