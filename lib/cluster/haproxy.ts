// HAProxy (Debian's package) in front of the web servers: an instance is taken out of rotation
// after two failed /api/ready checks a second apart, and put back after two good ones. A
// visitor's GET that finds an instance dead (refused, cut, 502/503/504) is retried once on
// another, so killing a web server mostly shows up as a slower request, not an error.

export const HAPROXY_BINARY = process.env.PRESSROOM_HAPROXY ?? "/usr/sbin/haproxy";

export function haproxyConfig(options: { port: number; webPorts: number[] }): string {
  return `# Written by npm run cluster (lib/cluster/haproxy.ts); rewritten on every start.
global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  # A readiness answer may take a few seconds on a loaded machine; a queued request waits 10 s.
  timeout check 5s
  timeout queue 10s
  option redispatch
  retries 2
  retry-on conn-failure empty-response response-timeout 502 503 504

frontend public
  bind 127.0.0.1:${options.port}
  default_backend web

backend web
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  # Only reads are retried: a POST may have been applied before the instance died.
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  # Web servers trust one proxy hop (PRESSROOM_TRUSTED_PROXIES=1): this one.
  option forwardfor
${options.webPorts.map((port, i) => `  server web-${i + 1} 127.0.0.1:${port} check`).join("\n")}
  # Used only when every instance fails its readiness check at once (say Postgres restarting):
  # an instance that is up can still serve cached pages, better than a 503 from here.
${options.webPorts.map((port, i) => `  server web-${i + 1}-last-resort 127.0.0.1:${port} backup`).join("\n")}
`;
}
