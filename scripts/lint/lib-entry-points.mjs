/**
 * ESLint rule `lawgate/lib-entry-points`: code outside a library imports it by its entry point, `@lawgate/<lib>`
 * (docs/libraries.md), never by a relative path into its files (`../../libs/<lib>/src/…`, or `../../<lib>/src/…`
 * from another library). Imports inside one library stay relative. Applies to import and export declarations,
 * `import()` and `require()`.
 */
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const LIBS = path.join(ROOT, 'libs');

/** The library a file or resolved path lies in, or null. */
function libraryOf(file) {
  const rel = path.relative(LIBS, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] || null;
}

export const libEntryPoints = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another library by its entry point (@lawgate/<lib>), not by a path into its files' },
    schema: [],
    messages: {
      deep: "Import library '{{lib}}' by its entry point: '@lawgate/{{lib}}' (docs/libraries.md), not '{{source}}'.",
    },
  },
  create(context) {
    const file = context.filename;
    const own = libraryOf(file);
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (!source.startsWith('./') && !source.startsWith('../')) return;
      const lib = libraryOf(path.resolve(path.dirname(file), source));
      if (lib && lib !== own) context.report({ node, messageId: 'deep', data: { lib, source } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export default { rules: { 'lib-entry-points': libEntryPoints } };
