# The production image: the compiled application (npm run build) on production dependencies only, run by
# a non-root user with `node` itself as the container's main process, so SIGTERM from the runtime reaches
# the server (src/main.ts drains and exits 0 within 10 s). Build: docker build -t callfire-graph .

# Compilers for better-sqlite3, in case no prebuilt binary matches the platform.
FROM node:20.20-bookworm-slim AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

# Everything, to compile TypeScript to dist/.
FROM toolchain AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schema ./schema
COPY resolvers ./resolvers
COPY datasources ./datasources
COPY sandbox ./sandbox
RUN npm run build

# Production dependencies only.
FROM toolchain AS dependencies
RUN npm ci --omit=dev && npm cache clean --force

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=4000
WORKDIR /app
COPY package.json ./
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded sandbox's SQLite file (only with CALLFIRE_SANDBOX=true) needs a folder the user may write.
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form: node is PID 1 and gets the signal (no shell in between). It installs its own SIGTERM and
# SIGINT handlers, which PID 1 needs, and starts no child processes that would need reaping. The V8 flags
# are start:prod's (package.json; README, "Build and run").
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "dist/src/main.js"]
