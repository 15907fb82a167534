import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

/**
 * One HTML entry a page, built to static files the gateway serves (gateway/src/web.ts). No
 * inline script or style anywhere: the gateway's Content-Security-Policy allows only 'self'.
 */
export default defineConfig({
  base: '/',
  // Preact's JSX runtime without a plugin: the automatic runtime is all a page needs.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline a script or a font as a data: URL into the HTML; the CSP would refuse it.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // ECharts makes /dashboard's script large (~170 KB gzip); /verify, held to its budget, never loads it.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        index: page('index'),
        verify: page('verify'),
        dashboard: page('dashboard'),
        workbench: page('workbench'),
        inspect: page('inspect'),
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
