import { mkdirSync, writeFileSync } from 'node:fs';
import { acceptsConnections } from '../../lib/net/free-port';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnTied, stopChild, waitFor } from './child';
import { renderNginxConfig, type NginxLayout } from './nginx-config';

export type Nginx = { url: string; process: ChildProcess; reload(): void; stop(): Promise<void> };


/** Debian's nginx in the foreground (`daemon off`) with a generated config, tied to this process. */
export async function startNginx(layout: Omit<NginxLayout, 'prefix'> & { dir: string }): Promise<Nginx> {
  const prefix = path.join(layout.dir, 'nginx');
  mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, renderNginxConfig({ ...layout, prefix }));
  // SIGQUIT: graceful shutdown (requests in flight finish) if we die.
  const child = spawnTied('nginx', ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], {
    deathSignal: 'SIGQUIT',
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitFor('nginx', () => acceptsConnections(layout.listenPort), 10_000);
  return {
    url: `http://127.0.0.1:${layout.listenPort}`,
    process: child,
    reload: () => child.kill('SIGHUP'),
    stop: () => stopChild(child, 10_000, 'SIGQUIT'),
  };
}
