import { describe, expect, test } from 'vitest';
import { renderNginxConfig } from '../../../scripts/cluster/nginx-config';

const config = renderNginxConfig({
  prefix: '/tmp/x',
  listenPort: 8080,
  upstreams: [3001, 3002, 3003],
  intakeRatePerSecond: 1500,
  intakeBurst: 1000,
  intakeConnections: 256,
  intakeTimeoutMs: 1900,
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

  test("passes the browser's Host with its port, which the app's same-origin check compares with Origin", () => {
    expect(config).toContain('proxy_set_header Host $http_host;');
    expect(config).not.toContain('proxy_set_header Host $host;');
  });

  test('limits intake (rate and connections) at the door, refused with 503 and Retry-After', () => {
    expect(block('= /api/reports')).toContain('limit_req zone=intake_rate burst=1000 nodelay');
    expect(block('= /api/reports')).toContain('limit_conn intake_conn 256');
    expect(config).toContain('rate=1500r/s');
    expect(config).toContain('limit_req_status 503');
    expect(block('@overload')).toContain('Retry-After');
  });

  test('a report is answered within 2 s: nginx answers for an instance slower than the intake timeout', () => {
    expect(block('= /api/reports')).toContain('proxy_read_timeout 1900ms');
    expect(config).toContain('error_page 502 503 504 = @overload');
  });

  test('map reads come from a micro-cache refreshed by one request at a time, stale while it runs', () => {
    const etat = block('= /api/etat');
    expect(etat).toContain('proxy_cache map_state');
    expect(etat).toContain('proxy_cache_lock on');
    expect(etat).toMatch(/proxy_cache_use_stale updating error timeout/);
    expect(etat).toContain('proxy_cache_background_update on');
    // Readers with an API key reach the app, which counts them against their key.
    expect(etat).toContain('proxy_cache_bypass $http_authorization');
    expect(etat).toContain('proxy_no_cache $http_authorization');
    // A location with its own proxy_set_header inherits none: the forwarding headers are repeated.
    expect(etat).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for');
    expect(etat).toContain('proxy_set_header Connection ""');
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
