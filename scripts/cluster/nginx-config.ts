export type NginxLayout = {
  /** Directory for pid, logs, temp files and the cache (absolute). */
  prefix: string;
  listenPort: number;
  upstreams: number[];
  /** Reports per second accepted at the door (all clients), beyond the burst refused with 503 + Retry-After. */
  intakeRatePerSecond: number;
  intakeBurst: number;
  /** Report requests at once at the door. */
  intakeConnections: number;
  backlog: number;
};

const OVERLOAD_BODY =
  '{"error":{"code":"unavailable","message":"Serveur saturé : votre signalement sera renvoyé automatiquement."}}';

/**
 * nginx in front of the app instances: intake limited at the door (rate and concurrency, refused
 * at once with 503 + Retry-After rather than queued), map reads and live streams on their own
 * paths so a surge of reports never queues them, idempotent report retries on another instance
 * when one dies mid-request (the idempotency key makes a retry harmless), and an instance slower than
 * 2.5 s, or no instance reachable, answered for by nginx (503 + Retry-After: the client retries
 * with the same key).
 */
export function renderNginxConfig(l: NginxLayout): string {
  const servers = l.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=2s;`).join('\n');
  return `worker_processes 2;
pid ${l.prefix}/nginx.pid;
error_log ${l.prefix}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${l.prefix}/body;
  proxy_temp_path ${l.prefix}/proxy;
  fastcgi_temp_path ${l.prefix}/fastcgi;
  uwsgi_temp_path ${l.prefix}/uwsgi;
  scgi_temp_path ${l.prefix}/scgi;
  client_max_body_size 64k;
  keepalive_timeout 65s;

  upstream app {
    least_conn;
${servers}
    keepalive 128;
  }

  limit_req_zone $server_name zone=intake_rate:1m rate=${l.intakeRatePerSecond}r/s;
  limit_conn_zone $server_name zone=intake_conn:1m;
  limit_req_status 503;
  limit_conn_status 503;

  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_connect_timeout 1s;
  proxy_next_upstream error timeout http_502;
  proxy_next_upstream_tries 3;

  server {
    listen 127.0.0.1:${l.listenPort} backlog=${l.backlog} reuseport;
    error_page 502 503 504 = @overload;

    location = /api/reports {
      limit_req zone=intake_rate burst=${l.intakeBurst} nodelay;
      limit_conn intake_conn ${l.intakeConnections};
      proxy_next_upstream error http_502 non_idempotent;
      proxy_read_timeout 2500ms;
      proxy_pass http://app;
    }
    location ~ ^/(en/)?signaler/envoyer$ {
      limit_req zone=intake_rate burst=${l.intakeBurst} nodelay;
      limit_conn intake_conn ${l.intakeConnections};
      proxy_read_timeout 2500ms;
      proxy_pass http://app;
    }
    location = /api/etat {
      proxy_read_timeout 3s;
      proxy_pass http://app;
    }
    location = /api/flux {
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_pass http://app;
    }
    location / {
      proxy_read_timeout 30s;
      proxy_pass http://app;
    }
    location @overload {
      internal;
      default_type application/json;
      add_header Retry-After 2 always;
      add_header Cache-Control no-store always;
      return 503 '${OVERLOAD_BODY}';
    }
  }
}
`;
}
