export * from './bundle';
export * from './proof';
