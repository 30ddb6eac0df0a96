export * from './dispatcher';
export * from './messages';
export * from './notifications.module';
export * from './webhook';
