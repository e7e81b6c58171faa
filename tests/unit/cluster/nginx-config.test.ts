import { describe, expect, test } from 'vitest';
import { renderNginxConfig } from '../../../scripts/cluster/nginx-config';

const config = renderNginxConfig({
  prefix: '/tmp/x',
  listenPort: 8080,
  upstreams: [3001, 3002, 3003],
  intakeRatePerSecond: 1500,
  intakeBurst: 1000,
  intakeConnections: 256,
  backlog: 4096,
});

function block(path: string): string {
  const start = config.indexOf(`location ${path}`);
  return config.slice(start, config.indexOf('}', start));
}

describe('renderNginxConfig', () => {
  test('lists every instance and sizes the accept queue', () => {
    for (const p of [3001, 3002, 3003]) expect(config).toContain(`server 127.0.0.1:${p} `);
    expect(config).toContain('listen 127.0.0.1:8080 backlog=4096');
  });

  test('limits intake (rate and connections) at the door, refused with 503 and Retry-After', () => {
    expect(block('= /api/reports')).toContain('limit_req zone=intake_rate burst=1000 nodelay');
    expect(block('= /api/reports')).toContain('limit_conn intake_conn 256');
    expect(config).toContain('rate=1500r/s');
    expect(config).toContain('limit_req_status 503');
    expect(block('@overload')).toContain('Retry-After');
  });

  test('map reads and live streams carry no intake limit', () => {
    expect(block('= /api/etat')).not.toContain('limit_');
    expect(block('= /api/flux')).not.toContain('limit_');
    expect(block('= /api/flux')).toContain('proxy_buffering off');
    expect(config).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
  });

  test('only the idempotent report API is retried on another instance after a failure mid-request', () => {
    expect(block('= /api/reports')).toContain('non_idempotent');
    expect(block('~ ^/(en/)?signaler/envoyer$')).not.toContain('non_idempotent');
  });
});
