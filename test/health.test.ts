import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(300);
});
afterAll(() => hub?.stop());

const base = () => hub.url.replace(/\/graphql$/, '');

describe('health and readiness', () => {
  it('reports health, and readiness with every subgraph and the database', async () => {
    const health = await fetch(`${base()}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, boolean> };
    expect(body.checks).toEqual({
      enterprises: true,
      occupations: true,
      assessments: true,
      supervision: true,
      database: true,
    });
  });

  it('is not ready when a subgraph is down', async () => {
    await hub.subgraphs.occupations.close();
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, boolean> };
    expect(body.checks.occupations).toBe(false);
    expect(body.checks.enterprises).toBe(true);
  });
});
