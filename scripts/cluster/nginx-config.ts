export type NginxLayout = {
  /** Directory for pid, logs, temp files and the cache (absolute). */
  prefix: string;
  listenPort: number;
  upstreams: number[];
  /** Reports per second let through the door (all clients); beyond the burst, refused at once with 503 + Retry-After. */
  intakeRatePerSecond: number;
  intakeBurst: number;
  /** Report requests at once at the door. */
  intakeConnections: number;
  /** An instance that has not answered a report by then is answered for with 503 + Retry-After. */
  intakeTimeoutMs: number;
  backlog: number;
};

const OVERLOAD_BODY =
  '{"error":{"code":"unavailable","message":"Serveur saturé : votre signalement sera renvoyé automatiquement."}}';

/**
 * nginx in front of the app instances:
 * - intake limited at the door (rate and concurrency, refused at once with 503 + Retry-After rather
 *   than queued), answered within 2 s: an instance slower than `intakeTimeoutMs`, or no instance
 *   reachable, is answered for by nginx (503 + Retry-After: the client retries with the same key);
 * - map reads (`/api/etat`) served from a micro-cache (one request per state and encoding goes to an
 *   instance while everyone else gets the cached or, during the refresh, the previous copy; ETags
 *   honoured), so a surge of reports never queues them; requests with an API key go to the app,
 *   which counts them against the key;
 * - live streams unbuffered;
 * - the client's Host header passed as sent, port included ($http_host, not $host): the app's
 *   same-origin check compares it with the browser's Origin, so on a port such as 8080 `$host`
 *   refused every form post and report from a page with 403;
 * - idempotent report retries on another instance when one dies mid-request (the idempotency key
 *   makes a retry harmless); keep-alive to the instances.
 */
export function renderNginxConfig(l: NginxLayout): string {
  const servers = l.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=2s;`).join('\n');
  const proxyHeaders = `proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;`;
  const intake = `limit_req zone=intake_rate burst=${l.intakeBurst} nodelay;
      limit_conn intake_conn ${l.intakeConnections};
      proxy_read_timeout ${l.intakeTimeoutMs}ms;`;
  return `worker_processes 2;
worker_rlimit_nofile 16384;
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
  proxy_cache_path ${l.prefix}/cache levels=1 keys_zone=map_state:4m max_size=64m inactive=10m use_temp_path=off;
  client_max_body_size 64k;
  keepalive_timeout 65s;
  keepalive_requests 100000;

  upstream app {
    least_conn;
${servers}
    keepalive 256;
    keepalive_requests 100000;
  }

  limit_req_zone $server_name zone=intake_rate:1m rate=${l.intakeRatePerSecond}r/s;
  limit_conn_zone $server_name zone=intake_conn:1m;
  limit_req_status 503;
  limit_conn_status 503;

  # One cached copy of the map state per query and encoding (gzip or identity).
  map $http_accept_encoding $map_encoding {
    ~*gzip gzip;
    default "";
  }

  proxy_http_version 1.1;
  ${proxyHeaders}
  proxy_connect_timeout 1s;
  proxy_next_upstream error timeout http_502;
  proxy_next_upstream_tries 3;

  server {
    listen 127.0.0.1:${l.listenPort} backlog=${l.backlog} reuseport;
    error_page 502 503 504 = @overload;

    location = /api/reports {
      ${intake}
      proxy_next_upstream error http_502 non_idempotent;
      proxy_pass http://app;
    }
    location ~ ^/(en/)?signaler/envoyer$ {
      ${intake}
      proxy_pass http://app;
    }
    location = /api/etat {
      proxy_cache map_state;
      proxy_cache_key "$request_uri $map_encoding";
      proxy_ignore_headers Vary;
      proxy_cache_lock on;
      proxy_cache_lock_timeout 2s;
      proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
      proxy_cache_background_update on;
      proxy_cache_revalidate on;
      proxy_cache_bypass $http_authorization;
      proxy_no_cache $http_authorization;
      add_header X-Cache-Status $upstream_cache_status always;
      ${proxyHeaders}
      proxy_set_header Accept-Encoding $map_encoding;
      # nginx holds the connection of the reader whose request started a background refresh until the
      # refresh ends: bound it well under the 2 s a map read may take (a frozen instance, a drain).
      proxy_connect_timeout 500ms;
      proxy_read_timeout 1s;
      proxy_next_upstream_timeout 1500ms;
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
