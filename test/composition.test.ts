import { checkComposition, compose, subgraphSdls } from '@hub/schema';
import { describe, expect, it } from 'vitest';

describe('the composition check', () => {
  it('passes for the committed SDLs and supergraph', () => {
    expect(checkComposition()).toEqual([]);
  });

  it('fails when a subgraph SDL changes and the supergraph is not regenerated', () => {
    const sdls = subgraphSdls().map((s) =>
      s.name === 'enterprises'
        ? { ...s, sdl: s.sdl.replace('type Filing {', 'type Filing {\n  """A new field."""\n  extra: String\n') }
        : s,
    );
    const problems = checkComposition(compose(sdls));
    expect(problems).toContain('schema/enterprises.graphql differs from the enterprises subgraph: run pnpm compose');
    expect(problems).toContain('schema/supergraph.graphql differs from a fresh composition: run pnpm compose');
  });

  it('fails when the subgraphs no longer compose', () => {
    // Two subgraphs disagreeing on a shared value type's field type cannot compose.
    const sdls = subgraphSdls().map((s) =>
      s.name === 'supervision' ? { ...s, sdl: s.sdl.replace(/(type Prefecture[^}]*?code: )String!/s, '$1Int!') } : s,
    );
    expect(sdls.find((s) => s.name === 'supervision')?.sdl).toMatch(/code: Int!/);
    const problems = checkComposition(compose(sdls));
    expect(problems.some((p) => p.startsWith('composition error:'))).toBe(true);
  });
});
