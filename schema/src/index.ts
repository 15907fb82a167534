import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import * as assessments from '@hub/assessments';
import * as enterprises from '@hub/enterprises';
import * as occupations from '@hub/occupations';
import * as supervision from '@hub/supervision';
import { parse } from 'graphql';

import { readSupergraph, schemaDir } from './supergraph.ts';

export * from './supergraph.ts';

/** The four subgraphs: name, default port, executable schema. */
export const SUBGRAPHS = [
  { name: 'enterprises', port: enterprises.DEFAULT_PORT, schema: enterprises.schema, start: enterprises.start },
  { name: 'occupations', port: occupations.DEFAULT_PORT, schema: occupations.schema, start: occupations.start },
  { name: 'assessments', port: assessments.DEFAULT_PORT, schema: assessments.schema, start: assessments.start },
  { name: 'supervision', port: supervision.DEFAULT_PORT, schema: supervision.schema, start: supervision.start },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function subgraphSdls(): { name: SubgraphName; sdl: string }[] {
  return SUBGRAPHS.map((s) => ({ name: s.name, sdl: printSubgraphSchema(s.schema) }));
}

export interface Composition {
  sdls: { name: SubgraphName; sdl: string }[];
  supergraphSdl?: string;
  errors: string[];
}

/** Composes the subgraph SDLs with @apollo/composition. Routing URLs in the supergraph are the defaults. */
export function compose(sdls = subgraphSdls()): Composition {
  const result = composeServices(
    sdls.map(({ name, sdl }) => ({
      name,
      url: `http://127.0.0.1:${SUBGRAPHS.find((s) => s.name === name)?.port}/graphql`,
      typeDefs: parse(sdl),
    })),
  );
  if (result.errors) return { sdls, errors: result.errors.map((e) => e.message) };
  return { sdls, supergraphSdl: result.supergraphSdl, errors: [] };
}

export function readCommittedSdl(name: SubgraphName): string {
  return readFileSync(path.join(schemaDir, `${name}.graphql`), 'utf8');
}

/**
 * The composition check: composition succeeds, and the committed SDLs and
 * supergraph equal a fresh composition. Returns the problems, empty when all is well.
 */
export function checkComposition(fresh: Composition = compose()): string[] {
  const problems = [...fresh.errors.map((e) => `composition error: ${e}`)];
  for (const { name, sdl } of fresh.sdls) {
    let committed = '';
    try {
      committed = readCommittedSdl(name);
    } catch {
      problems.push(`schema/${name}.graphql is missing: run pnpm compose`);
      continue;
    }
    if (committed !== `${sdl}\n`)
      problems.push(`schema/${name}.graphql differs from the ${name} subgraph: run pnpm compose`);
  }
  if (fresh.supergraphSdl != null) {
    let committed = '';
    try {
      committed = readSupergraph();
    } catch {
      problems.push('schema/supergraph.graphql is missing: run pnpm compose');
    }
    if (committed && committed !== `${fresh.supergraphSdl}\n`) {
      problems.push('schema/supergraph.graphql differs from a fresh composition: run pnpm compose');
    }
  }
  return problems;
}
