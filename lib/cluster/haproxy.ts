// HAProxy (Debian's package) in front of the web servers.
//
// Overload queues here instead of inside Next: each instance gets at most `maxconn` requests at
// once and the rest wait in HAProxy's queue (up to `timeout queue`), so an instance's event loop
// stays responsive, its /api/ready answers (a lookup, lib/health/readiness-watch.ts) within the
// check timeout, and a slow moment never takes every instance out at once. Health checks are not
// subject to maxconn. An instance is out after 3 failed checks (1 s apart, 0.5 s once one failed)
// or 3 refused connections seen on real traffic, and back after 2 good checks, ramping up over
// `slowstart` (a restarted Next is slow on its first requests). A visitor's GET that finds an
// instance dead (refused, cut, 502/503/504) is retried on another, so killing a web server shows
// up as a slower request, not an error.

export const HAPROXY_BINARY = process.env.PRESSROOM_HAPROXY ?? "/usr/sbin/haproxy";

export interface HaproxyOptions {
  port: number;
  webPorts: number[];
  /** Requests one web server handles at once; the rest queue in HAProxy. */
  maxconnPerServer?: number;
  /** How long a request may wait in the queue before HAProxy answers 503. */
  queueTimeoutSeconds?: number;
}

/** Per-server concurrency: PRESSROOM_WEB_MAXCONN, default 6 (Next renders on one core per instance). */
export function webMaxconn(value = process.env.PRESSROOM_WEB_MAXCONN): number {
  const parsed = Number(value ?? 6);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000) throw new Error(`PRESSROOM_WEB_MAXCONN must be a whole number from 1 to 1000, got "${value}"`);
  return parsed;
}

export function haproxyConfig(options: HaproxyOptions): string {
  const maxconn = options.maxconnPerServer ?? webMaxconn();
  const queue = options.queueTimeoutSeconds ?? 20;
  return `# Written by npm run cluster (lib/cluster/haproxy.ts); rewritten on every start.
global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 30s
  timeout http-request 10s
  # /api/ready answers from a verdict kept in the background: 2 s means the instance is stuck.
  timeout check 2s
  # Beyond maxconn a request waits for a free slot on any instance, then gets a 503.
  timeout queue ${queue}s
  # Every retry goes to another instance.
  option redispatch 1
  retries 3
  retry-on conn-failure empty-response response-timeout 502 503 504

frontend public
  bind 127.0.0.1:${options.port}
  default_backend web

backend web
  balance leastconn
  option httpchk
  http-check send meth GET uri /api/ready
  http-check expect status 200
  default-server inter 1s fastinter 500ms downinter 1s fall 3 rise 2 slowstart 10s maxconn ${maxconn} observe layer4 error-limit 3 on-error mark-down
  # Only reads are retried: a POST may have been applied before the instance died.
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  # Web servers trust one proxy hop (PRESSROOM_TRUSTED_PROXIES=1): this one.
  option forwardfor
${options.webPorts.map((port, i) => `  server web-${i + 1} 127.0.0.1:${port} check`).join("\n")}
  # Used only when every instance fails its readiness check at once (say Postgres restarting):
  # an instance that is up can still serve cached pages, better than a 503 from here.
  option allbackups
${options.webPorts.map((port, i) => `  server web-${i + 1}-last-resort 127.0.0.1:${port} backup`).join("\n")}
`;
}
