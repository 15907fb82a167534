/**
 * `pnpm compose`: writes each subgraph's SDL and the composed supergraph to schema/.
 * `pnpm compose --check`: fails when composition errs or the committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkComposition, compose, schemaDir, supergraphPath } from './index.ts';

const fresh = compose();
if (process.argv.includes('--check')) {
  const problems = checkComposition(fresh);
  for (const p of problems) console.error(`✗ ${p}`);
  if (problems.length) process.exit(1);
  console.log('✓ supergraph is up to date and composes without errors');
} else {
  if (fresh.errors.length || !fresh.supergraphSdl) {
    for (const e of fresh.errors) console.error(`✗ ${e}`);
    process.exit(1);
  }
  for (const { name, sdl } of fresh.sdls) writeFileSync(path.join(schemaDir, `${name}.graphql`), `${sdl}\n`);
  writeFileSync(supergraphPath(), `${fresh.supergraphSdl}\n`);
  console.log(`✓ wrote ${fresh.sdls.length} subgraph SDLs and schema/supergraph.graphql`);
}
