import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HubConfig, hubConfig } from '@hub/platform/config';

/**
 * The committed supergraph as a gateway needs it: the SDL and the subgraphs it
 * names (from `join__Graph`), without loading any subgraph's code.
 */

/**
 * The folder of the committed SDLs: this package's, or — in the bundled gateway (gateway/dist),
 * which has no such folder beside it — the one its banner names (gateway/build.ts).
 */
export const schemaDir =
  (globalThis as { __hubSchemaDir?: string }).__hubSchemaDir ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** HUB_SUPERGRAPH overrides it. */
export const supergraphPath = () => hubConfig().supergraph ?? path.join(schemaDir, 'supergraph.graphql');

export function readSupergraph(): string {
  return readFileSync(supergraphPath(), 'utf8');
}

/** Each subgraph the supergraph routes to: its name and the routing URL written at composition. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((m) => ({
    name: m[1] as string,
    url: m[2] as string,
  }));
}

/** Where a subgraph listens: HUB_<NAME>_URL when set, else the supergraph's routing URL. */
export const routingUrl = (name: string, composedUrl: string) =>
  (hubConfig()[`${name}Url` as keyof HubConfig] as string | undefined) ?? composedUrl;
