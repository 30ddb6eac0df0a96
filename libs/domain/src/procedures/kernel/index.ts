export * from './kernel.contract';
