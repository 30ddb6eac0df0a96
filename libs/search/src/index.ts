export * from './chinese-text';
