export * from './roles';
export * from './errors';
export * from './periods';
export * from './search-attributes';
export * from './task-queues';
export * from './procedures/normative-document.contract';
export * from './documents';
export * from './visibility';
