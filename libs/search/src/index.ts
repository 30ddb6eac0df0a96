export * from './chinese-text';
export * from './docx';
