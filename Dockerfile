# Defuse desk: a multi-stage image that runs the production build with plain node as a non-root user.
# The install steps are the ones test/install/production.test.ts runs in CI on every change:
#   npm ci → npm run build → npm prune --omit=dev → node scripts/start.mjs
# This file itself is not built in CI (no container runtime there); see README, "Deploy".
#
#   docker build -t defuse .
#   docker run -e DATABASE_URL=postgres://… -e SMTP_URL=smtp://… -p 3000:3000 defuse
#
# Or the whole stack with PostgreSQL and a mail catcher: docker compose up (compose.yaml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The production build (dist/node, dist/web), then only what it needs at run time: no devDependencies. The
# embedded PostgreSQL stays installed (an optional dependency) but is never loaded on DATABASE_URL.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
# Liveness; orchestrators should also probe /readyz before sending traffic.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node directly (not npm) so SIGTERM reaches the server, which drains requests and jobs before exiting.
CMD ["node", "scripts/start.mjs"]
