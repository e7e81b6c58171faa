// The worker process: detector passes and scheduled jobs, each tick run by one instance of the
// cluster (lease in PostgreSQL). Started and restarted by the server (lib/worker/supervise.ts);
// runs alone too: `npm run worker`.
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from '../lib/config/env-schema';
import { resolveDatabase } from '../lib/db/connection';
import { createPrismaClient } from '../lib/db/create-client';
import { claimJobTick } from '../lib/db/job-lease';
import { buildDossiersJob, detectionJob, purgeFingerprintsJob, sealLedgerDaysJob } from '../lib/jobs/jobs';
import { loadSigningKey } from '../lib/evidence/signing-key';
import { createTickScheduler } from '../lib/jobs/scheduler';
import { onParentGone } from '../lib/worker/supervise';
import { webhooksJob } from '../lib/webhooks/job';
import { notifyJob } from '../lib/notify/job';
import { reportPartitionsJob } from '../lib/jobs/report-partitions';
import { componentLogger, errorMessage } from '../lib/log/logger';

const log = componentLogger('worker');

const STOP_GRACE_MS = 10_000;

async function main() {
  const env = parseEnv(process.env);
  const target = resolveDatabase(env);
  if (!target.url) throw new Error('worker : aucune base (DATABASE_URL ou base embarquée démarrée) / no database');
  const db = createPrismaClient({ url: target.url, kind: target.kind, poolMax: 2, timeoutMs: 60_000 });
  const holder = `${os.hostname()}:${process.pid}`;
  const key = loadSigningKey({ configured: env.LEDGER_SIGNING_KEY, dataDir: env.DATA_DIR });
  const scheduler = createTickScheduler({
    jobs: [detectionJob(db, (line) => componentLogger('detect').info(line)), purgeFingerprintsJob(db), webhooksJob(db), notifyJob(db), sealLedgerDaysJob(db, key), buildDossiersJob(db, key, env.DATA_DIR),
      reportPartitionsJob(db, { retentionMonths: env.REPORT_RETENTION_MONTHS ?? null, archiveDir: env.REPORT_ARCHIVE_DIR ?? path.join(env.DATA_DIR, 'archives') })],
    claim: (name, tickAt) => claimJobTick(db, { name, tickAt, holder }),
    onError: (job, error) => log.error({ job, err: errorMessage(error) }, `${job} : échec`),
  });
  scheduler.start();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
    void scheduler
      .stop()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  onParentGone(stop);
}

main().catch((error: unknown) => {
  log.error({ err: errorMessage(error) }, errorMessage(error));
  process.exit(1);
});
