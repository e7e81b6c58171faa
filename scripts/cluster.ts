// `npm run cluster`: PostgreSQL 15, Redis, 3 app instances and nginx on loopback (see
// docs/deployment.md). Ctrl-C or SIGTERM stops everything; nothing outlives this process.
// Options: --instances N (default 3), --port P (nginx, default 8080).
import { parseArgs } from 'node:util';
import { startCluster } from './cluster/start-cluster';

async function main() {
  const { values } = parseArgs({ options: { instances: { type: 'string', default: '3' }, port: { type: 'string', default: '8080' } } });
  const log = (line: string) => console.log(`[cluster] ${line}`);
  const cluster = await startCluster({ count: Number(values.instances), port: Number(values.port), log });
  log(`prêt : ${cluster.url} (Ctrl-C pour tout arrêter)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log('arrêt…');
    void cluster.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[cluster]', error instanceof Error ? error.message : error);
  process.exit(1);
});
