/**
 * `pnpm --filter @hub/gateway build`: the standalone gateway as two plain
 * JavaScript files, gateway/dist/{main,worker}.mjs, for production start and
 * the benchmark. Running bundled JS instead of TypeScript through tsx saves
 * the loader and the per-module overhead (tens of MB of RSS per process, see
 * README). Subgraph code is not in it: the gateway reads the supergraph file.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

// A fresh folder: chunk names carry content hashes, and stale chunks would pile up beside the new ones.
rmSync(path.join(here, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: [path.join(here, 'src/main.ts'), path.join(here, 'src/worker.ts')],
  outdir: path.join(here, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The primary of a cluster loads only what forks and watches workers; the gateway is a chunk of its own.
  splitting: true,
  chunkNames: 'chunk-[name]-[hash]', // beside the entries: the banner's relative path holds for every file
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // PGlite loads its WASM beside its own files; a gateway worker never opens it (PostgreSQL only).
  // The paperwork's libraries load from node_modules, when a file is first asked for: pdfkit reads its
  // own data files beside its sources, and none of them is on a GraphQL request's path.
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'drizzle-orm/pglite', 'pdfkit', 'exceljs', 'qrcode'],
  banner: {
    js: [
      "import { createRequire as __hubRequire } from 'node:module';",
      'const require = __hubRequire(import.meta.url);',
      // The committed schema folder, found from dist/ rather than from the schema package's own
      // folder (which the bundle does not have); HUB_SUPERGRAPH still overrides the file.
      "globalThis.__hubSchemaDir ??= new URL('../../schema/', import.meta.url).pathname;",
    ].join('\n'),
  },
  logLevel: 'warning',
});
console.log('built gateway/dist/main.mjs and gateway/dist/worker.mjs');
