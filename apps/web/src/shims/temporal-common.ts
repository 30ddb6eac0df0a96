/**
 * The browser loads libs/domain whole (`@lawgate/domain`), and its search-attribute keys are defined with
 * @temporalio/common, which would bring protobuf's `long` (WebAssembly, refused by the page's CSP) into the bundle.
 * In the browser a key is only its name and type, so this stands in for the SDK (see vite.config.ts).
 */
export const SearchAttributeType = {
  TEXT: 'TEXT',
  KEYWORD: 'KEYWORD',
  INT: 'INT',
  DOUBLE: 'DOUBLE',
  BOOL: 'BOOL',
  DATETIME: 'DATETIME',
  KEYWORD_LIST: 'KEYWORD_LIST',
} as const;

export function defineSearchAttributeKey<T extends string>(name: string, type: T) {
  return { name, type };
}
