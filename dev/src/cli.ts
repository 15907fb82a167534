/**
 * `pnpm hub <command>` — the hub's command line. `pnpm hub --help` prints USAGE below.
 */
import { parseArgs } from 'node:util';
import {
  calendarCoverage,
  createDb,
  DEFAULT_SEED_SIZE,
  issuePartnerCredential,
  migrate,
  productionPiiKeyProblems,
  rehashResidentIds,
  rotatePiiKeys,
  seed,
  usingDevPiiKeys,
} from '@hub/db';
import { seedScale } from '@hub/db/seed/scale';
import { gatewayWorkers as gatewayWorkersFromEnv } from '@hub/gateway/cluster';
import {
  AuthError,
  hubClockFromConfig,
  isDevelopment,
  isProduction,
  parseClaims,
  secretProblems,
  signUserToken,
  tokenLifetimeProblems,
  usingDevSecrets,
} from '@hub/platform';
import { ConfigError, type HubConfig, hubConfig } from '@hub/platform/config';
import { isCalendarDate } from '@hub/vocabulary';
import { startHub } from './hub.ts';

const [command, ...rest] = process.argv.slice(2);

const USAGE = `usage: pnpm hub <command> [flags]

  start [--size N] [--date YYYY-MM-DD]
        migrate, seed an empty database (N certificates, default ${DEFAULT_SEED_SIZE}), start the four
        subgraphs and the gateway; --date starts on a sandbox date (not with HUB_ENV=production)
  migrate
        apply the committed migrations
  seed [--size N] [--date YYYY-MM-DD]
        load the deterministic demo data into an empty database; above ${DEFAULT_SEED_SIZE} bulk-loaded
        (e.g. --size 1000000 on PostgreSQL); its dates are relative to --date (default today)
  token --role R [--enterprise ID] [--credit-code CODE] [--prefecture CODE] [--sub NAME] [--expires 12h]
        print a JWT signed with the configured (or dev) secret; it lives at most the role's
        maximum (HUB_TOKEN_MAX_LIFETIME; 12 h by default, capped at 12 h when --expires is not given);
        --role enterprise --credit-code: a legal-person (法人认证) token, before or after registration
  token --role hr_partner --enterprise ID [--name NAME] [--can-write] [--days 365] [--sub NAME]
        issue a partner credential in the database and print its token
  clock [show | set YYYY-MM-DD | advance DAYS | clear] [--url http://127.0.0.1:4000]
        read or set the running hub's date (沙盒时钟; an admin action, refused in production)
  occupations import FILE
        load a full 职业分类大典 CSV (definitions and tasks included)
  mappings import FILE
        load a job-role table (CSV: 岗位名称, 职业或工种编码, optional 统一社会信用代码) as confirmed
        mappings, all rows or none; rows without a credit code form the province-wide table
  mappings export [FILE]
        write the confirmed mappings as CSV (to FILE, or stdout)
  keys rotate
        re-encrypt resident IDs stored under an older key with the first of HUB_PII_KEYS
  keys rehash
        recompute the resident-ID lookup hashes with HUB_PII_HMAC_KEY
  help, --help, -h
        this text
`;

function progressBar(label: string) {
  let last = '';
  return (done: number, total: number, stage: string) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const line = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${stage}`;
    if (line !== last) process.stderr.write(`\r${line.padEnd(90)}`);
    last = line;
    if (done >= total) process.stderr.write('\n');
  };
}

function dbLabel() {
  return hubConfig().databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite (.data/pglite)';
}

const SAMPLE_QUERY = `{
  certificates(first: 1) {
    edges { node {
      number level holderName issuedOn
      occupation { code name }
      issuer { name creditCode filingStatus prefecture { name }
               supervisionCases(first: 5) { edges { node { status violationTypes } } } }
    } }
  }
}`;

/**
 * What keeps this process from starting as configured, one sentence each: in production any
 * development secret or key, or a secret too short (auth.ts secretProblems, pii.ts
 * productionPiiKeyProblems); everywhere a malformed token-lifetime setting.
 */
function startRefusals(): { refusals: string[]; production: boolean } {
  let config: HubConfig;
  try {
    config = hubConfig();
  } catch (err) {
    if (err instanceof ConfigError) return { refusals: [...err.problems], production: false };
    throw err;
  }
  const production = isProduction(config);
  const refusals = [
    ...(production ? [...secretProblems(config), ...productionPiiKeyProblems(config)] : []),
    ...tokenLifetimeProblems(config),
  ];
  return { refusals, production };
}

async function main() {
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { size: { type: 'string' }, date: { type: 'string' } } });
      // Fail closed before touching the database: nothing starts on a public key in production.
      const { refusals, production } = startRefusals();
      if (refusals.length) {
        console.error(
          `✗ the hub refuses to start${production ? ' in production (HUB_ENV=production)' : ''}:\n${refusals.map((r) => `  - ${r}`).join('\n')}`,
        );
        process.exit(1);
      }
      console.error(`database: ${dbLabel()}`);
      // One gateway in this process by default: the demo machine also runs the subgraphs and the database.
      const gatewayWorkers = gatewayWorkersFromEnv(hubConfig(), 1);
      const clock = hubClockFromConfig();
      if (values.date) clock.set(values.date, 'pnpm hub start --date');
      const hub = await startHub({
        gatewayWorkers,
        clock,
        ...(values.size ? { seedSize: Number(values.size) } : {}),
        onProgress: progressBar('seeding'),
      });
      // Signals are handled before the hub says it is ready: a supervisor (or a test) may stop it the
      // moment it reads that line. A second signal while closing changes nothing.
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.error('shutting down…');
        await hub.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      console.log(`\nHub gateway ready at ${hub.url}${gatewayWorkers > 1 ? ` (${gatewayWorkers} workers)` : ''}`);
      for (const [name, s] of Object.entries(hub.subgraphs)) console.log(`  subgraph ${name.padEnd(12)} ${s.url}`);
      if (usingDevSecrets())
        console.log('\n⚠ using the DEV secrets (HUB_JWT_SECRET / HUB_INTERNAL_SECRET unset): never in production');
      if (usingDevPiiKeys())
        console.log('⚠ using the DEV personal-data keys (HUB_PII_KEYS / HUB_PII_HMAC_KEY unset): never in production');
      const calendar = await calendarCoverage(hub.db.db, clock.today());
      console.log(
        `\ntoday: ${clock.today()}${clock.sandbox() ? ' (sandbox date: pnpm hub clock clear returns to the real one)' : ''}; official calendar loaded through ${calendar.loadedThrough ?? 'nothing'}`,
      );
      if (calendar.warning) console.log(`⚠ ${calendar.warning}`);
      // A ready-made province-centre token is a key to every record: printed in development only.
      if (isDevelopment()) {
        const token = await signUserToken({ role: 'province_center', sub: 'demo' });
        console.log(`\nTry (a development province-centre token, valid up to 12 h):\n
curl -s ${hub.url} -H 'content-type: application/json' \\
  -H 'authorization: Bearer ${token}' \\
  -d '${JSON.stringify({ query: SAMPLE_QUERY.replace(/\s+/g, ' ') })}'\n`);
      } else {
        console.log('\nNo token is printed outside development: issue one with pnpm hub token --role R.');
      }
      return;
    }
    case 'migrate': {
      const db = await createDb();
      await migrate(db);
      console.log(`migrated ${dbLabel()}`);
      await db.close();
      return;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { size: { type: 'string' }, date: { type: 'string' } } });
      if (values.date && !isCalendarDate(values.date)) throw new Error('--date must be a calendar day YYYY-MM-DD');
      const size = values.size ? Number(values.size) : undefined;
      if (size !== undefined && (!Number.isInteger(size) || size < 1))
        throw new Error('--size must be a positive whole number');
      const db = await createDb();
      await migrate(db);
      // Above the demo size, the same rows bulk-loaded (10,000 certificates per statement).
      const load = size !== undefined && size > DEFAULT_SEED_SIZE ? seedScale : seed;
      const summary = await load(db, {
        size,
        ...(values.date ? { today: values.date } : {}),
        onProgress: progressBar('seeding'),
      });
      console.log(JSON.stringify(summary, null, 2));
      await db.close();
      return;
    }
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          role: { type: 'string' },
          enterprise: { type: 'string' },
          'credit-code': { type: 'string' },
          prefecture: { type: 'string' },
          sub: { type: 'string' },
          expires: { type: 'string' },
          name: { type: 'string' },
          'can-write': { type: 'boolean', default: false },
          days: { type: 'string', default: '365' },
        },
      });
      if (values.role === 'hr_partner') {
        // A partner token is only good with its credential row: issue a real one (revocable, listed).
        const db = await createDb();
        await migrate(db);
        const out = await issuePartnerCredential(db.db, {
          enterpriseId: values.enterprise ?? '',
          name: values.name ?? 'cli',
          canWrite: values['can-write'],
          validDays: Number(values.days),
          createdBy: values.sub ?? 'cli',
        });
        await db.close();
        if (!('token' in out)) throw new Error(out.errors.map((e) => `${e.code}: ${e.message}`).join('; '));
        console.error(
          `partner credential ${out.credential.id} (${out.credential.canWrite ? 'read-write' : 'read-only'}, expires ${out.credential.expiresAt.toISOString()})`,
        );
        console.log(out.token);
        return;
      }
      const claims = parseClaims({
        role: values.role,
        enterpriseId: values.enterprise,
        creditCode: values['credit-code'],
        prefecture: values.prefecture,
        sub: values.sub ?? `cli-${values.role}`,
      });
      console.log(await signUserToken(claims, values.expires));
      return;
    }
    case 'occupations': {
      // `pnpm hub occupations import FILE`: the full dictionary, definitions and tasks included.
      const [sub, file] = rest;
      if (sub !== 'import' || !file) throw new Error('usage: pnpm hub occupations import FILE (a 职业分类大典 CSV)');
      const { readFileSync } = await import('node:fs');
      const { importDictionary, parseDictionary } = await import('@hub/db');
      const parsed = parseDictionary(readFileSync(file, 'utf8'));
      const db = await createDb();
      await migrate(db);
      const s = await importDictionary(db.db, parsed);
      console.log(
        `imported ${s.kept} codes from ${s.read} rows (${s.duplicatesDropped} duplicates dropped): 大类 ${s.byLevel[1]}, 中类 ${s.byLevel[2]}, 小类 ${s.byLevel[3]}, 职业 ${s.byLevel[4]}; ${s.withDefinition} with a definition, ${s.withTasks} with tasks${s.notInFile ? `; ${s.notInFile} codes in the database are not in the file (kept)` : ''} → ${dbLabel()}`,
      );
      await db.close();
      return;
    }
    case 'mappings': {
      // `pnpm hub mappings import FILE` / `export [FILE]`: the 岗位对照表 in and out.
      const [sub, file] = rest;
      const { importMappings, exportMappings } = await import('@hub/occupations/commands/import-mappings');
      const { readFileSync, writeFileSync } = await import('node:fs');
      const { auditWriter } = await import('@hub/db');
      if (sub === 'import' && file) {
        const db = await createDb();
        await migrate(db);
        // A database never seeded has no dictionary yet: its reference facts first (as `pnpm start` loads them).
        const { loadOccupationReference, occupations } = await import('@hub/db');
        if (!(await db.db.select({ code: occupations.code }).from(occupations).limit(1)).length) {
          await loadOccupationReference(db.db);
        }
        const r = await importMappings(db.db, readFileSync(file, 'utf8'), { source: file, audit: auditWriter(db.db) });
        await db.close();
        if (r.problems.length) {
          console.error(`✗ nothing imported: ${r.problems.length} problem(s) in ${r.read} rows of ${file}`);
          for (const p of r.problems.slice(0, 50))
            console.error(`  line ${p.line}, ${p.column}: ${p.code} ${p.message}`);
          if (r.problems.length > 50) console.error(`  … and ${r.problems.length - 50} more`);
          process.exit(1);
        }
        console.log(
          `imported ${r.imported} confirmed mappings from ${r.read} rows (${r.unchanged} already confirmed) → ${dbLabel()}`,
        );
        return;
      }
      if (sub === 'export') {
        const db = await createDb();
        const csv = await exportMappings(db.db);
        await db.close();
        if (file) writeFileSync(file, csv);
        else process.stdout.write(csv);
        return;
      }
      throw new Error('usage: pnpm hub mappings import FILE | pnpm hub mappings export [FILE]');
    }
    case 'keys': {
      // `pnpm hub keys rotate|rehash`: batches of 1,000 rows, one transaction each; safe while the hub serves.
      const [sub] = rest;
      if (sub !== 'rotate' && sub !== 'rehash') throw new Error('usage: pnpm hub keys rotate|rehash');
      const db = await createDb();
      await migrate(db);
      const onProgress = (table: string, rows: number) => process.stderr.write(`\r${table}: ${rows} rows rewritten`);
      const summary =
        sub === 'rotate' ? await rotatePiiKeys(db.db, { onProgress }) : await rehashResidentIds(db.db, { onProgress });
      process.stderr.write('\n');
      console.log(JSON.stringify(summary, null, 2));
      await db.close();
      return;
    }
    case 'clock': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { url: { type: 'string', default: `http://127.0.0.1:${hubConfig().port}` } },
      });
      const [action = 'show', arg] = positionals;
      const body =
        action === 'set'
          ? { date: arg }
          : action === 'advance'
            ? { advanceDays: Number(arg) }
            : action === 'clear'
              ? { clear: true }
              : undefined;
      if (action !== 'show' && !body)
        throw new Error('usage: pnpm hub clock [show | set YYYY-MM-DD | advance DAYS | clear]');
      const endpoint = `${values.url.replace(/\/(graphql)?$/, '')}/admin/clock`;
      const res = await fetch(endpoint, {
        method: body ? 'POST' : 'GET',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await signUserToken({ role: 'admin', sub: 'cli-clock' }, '5m')}`,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).catch(() => {
        throw new Error(`no hub answers at ${endpoint} (start one with pnpm start, or pass --url)`);
      });
      const answer = await res.json();
      console.log(JSON.stringify(answer, null, 2));
      if (!res.ok) process.exit(1);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(command ? `unknown command: ${command}\n\n${USAGE}` : USAGE);
      process.exit(command ? 2 : 0);
  }
}

main().catch((err) => {
  console.error(err instanceof AuthError ? `✗ ${err.message}` : `✗ ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
