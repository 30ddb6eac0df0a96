// The web app's build: Vite + React, output in dist/web, which the API serves (apps/api/src/app.factory.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      // libs/domain's procedure contract defines Temporal updates; the browser needs only its stage tables.
      '@temporalio/workflow': here('./src/shims/temporal-workflow.ts'),
      // Its search-attribute keys need only a name and a type here (no protobuf, no WebAssembly).
      '@temporalio/common': here('./src/shims/temporal-common.ts'),
      // The one library the browser may import, by its entry point (tsconfig.json's `paths`; docs/libraries.md).
      '@lawgate/domain': here('../../libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
