# syntax=docker/dockerfile:1
# The Auth Flow Debugger dashboard as a self-contained Node server (Next.js `output: "standalone"`).
# No local sandbox in the image: configure it with the AUTH_DEBUGGER_* variables (README, "Deploying").
#
#   docker build -t auth-flow-debugger .
#   docker run --rm -p 3000:3000 -e AUTH_DEBUGGER_PRESETS_FILE=/config/presets.json \
#     -v "$PWD/presets.json:/config/presets.json:ro" auth-flow-debugger

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only, so this layer is reused until package*.json change.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The production build.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# 3. The runtime: the standalone server, its static files and public/, nothing else (no
#    node_modules beyond what the server traced, no sources, no npm).
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1
# The app's files stay root-owned and read-only to the server's user; only Next's cache
# directory is writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown node:node .next/cache
# The image's unprivileged `node` user (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/presets').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
