/**
 * vitest globalSetup: a folder for the run's database snapshots (`preparedDb` in @hub/db/testing).
 * Every file starts its own hub on a database of its own; on PGlite the first file to need a seed
 * of a given size and day saves it here and the others load it, instead of each paying for
 * initdb, the migrations and the seed again. The folder lives for one run, so a changed migration
 * or seed can never be served from an old snapshot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-db-snapshots-'));
  project.provide('dbSnapshots', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
