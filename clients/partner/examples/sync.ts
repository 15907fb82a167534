/**
 * A partner HR system's nightly sync with the hub, as docs/partner-client.md walks through it:
 *
 *   node --import tsx clients/partner/examples/sync.ts https://hub.example.cn/graphql "$PARTNER_TOKEN"
 *
 * 1. new hires go in as workers (checked first with a dry run, then all or none);
 * 2. for every plan still open for candidates, the people the HR system put forward go in;
 * 3. results of submitted plans come back, to be stored against the HR system's own records by
 *    the hub's worker id;
 * 4. certificate changes since the last run come from the change feed, read on from the cursor
 *    the HR system kept (the first run reads the whole list instead).
 * The HR system's side (`hr`) is a stand-in for the partner's own database.
 */
import { createPartnerClient, HubRefusal } from '@hub/partner-client';

const hr = {
  newHires: [] as { row: number; name: string; residentId: string; employedSince: string }[],
  putForward: (_planId: string) => [] as { row: number; name: string; residentId: string }[],
  storeResult: (workerId: string, result: string | null, certificate: string | null) =>
    console.log('result', workerId, result, certificate),
  storeCertificate: (number: string, workerId: string | null, status: string) =>
    console.log('certificate', number, workerId, status),
  feedCursor: null as string | null,
};

const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
const token = process.argv[3] ?? '';
const hub = createPartnerClient({ url, token });

try {
  if (hr.newHires.length > 0) {
    const check = await hub.importWorkers(hr.newHires, { dryRun: true });
    if (check.problems.length > 0) {
      for (const p of check.problems) console.error(`row ${p.row} ${p.field ?? ''}: ${p.code} ${p.message}`);
    } else {
      await hub.importWorkers(hr.newHires);
    }
  }
  for await (const plan of hub.plans({ status: 'REPORTED' })) {
    const rows = hr.putForward(plan.id);
    if (rows.length > 0) await hub.importCandidates(plan.id, rows);
  }
  for await (const plan of hub.plans({ status: 'SUBMITTED' })) {
    for await (const c of hub.planResults(plan.id))
      hr.storeResult(c.worker.id, c.result, c.certificate?.number ?? null);
  }
  if (hr.feedCursor === null) {
    for await (const cert of hub.certificates()) {
      hr.storeCertificate(cert.number, cert.candidate?.worker.id ?? null, cert.status);
    }
  }
  for await (const e of hub.certificateEvents({ after: hr.feedCursor })) {
    hr.storeCertificate(e.number, e.workerId, e.status);
    hr.feedCursor = e.cursor;
  }
} catch (e) {
  if (e instanceof HubRefusal) console.error('refused:', e.errors.map((x) => x.code).join(', '));
  throw e;
}
