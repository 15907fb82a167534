/** Readiness: every subgraph answers its /health and the database answers a query; details beside. */
export async function readiness(
  subgraphUrls: Record<string, string>,
  pingDb?: () => Promise<boolean>,
  details?: () => Promise<Record<string, unknown>>,
) {
  const checks: Record<string, boolean> = {};
  await Promise.all([
    ...Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const res = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
        checks[name] = res.ok;
      } catch {
        checks[name] = false;
      }
    }),
    (async () => {
      if (pingDb) checks.database = await pingDb();
    })(),
  ]);
  const ready = Object.values(checks).every(Boolean);
  // Details inform and never fail readiness (an unreadable detail is left out).
  const more = details ? await details().catch(() => undefined) : undefined;
  return {
    status: ready ? 200 : 503,
    body: { status: ready ? 'ready' : 'not ready', checks, ...(more ? { details: more } : {}) },
  };
}
