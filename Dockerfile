# syntax=docker/dockerfile:1
#
# One image for every LawGate process (see docker-compose.yml):
#   API         node dist/apps/api/src/main.js       (the default CMD)
#   worker      node dist/apps/worker/src/main.js    (needs WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js, set below)
#   migrations  node dist/scripts/migrate.js         (add --seed only for a demo organisation)
#
#   docker build -t lawgate:latest .

ARG NODE_IMAGE=node:20-bookworm-slim

##### build: all dependencies, compile TypeScript and prebuild the workflow bundle #####
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Keep swagger-ui-dist's install-time analytics (scarf) quiet.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# tsc -p tsconfig.build.json (-> dist/apps, dist/libs, dist/workflows, dist/activities, dist/scripts), then tsc-alias
# (the @lawgate/<lib> imports in dist/ become relative paths: plain node runs them; docs/libraries.md),
# and node scripts/build-workflow-bundle.mjs (-> dist/workflow-bundle.js).
RUN npm run build \
  && test -f dist/apps/api/src/main.js \
  && test -f dist/apps/worker/src/main.js \
  && test -f dist/scripts/migrate.js \
  && test -f dist/workflow-bundle.js

##### prod-deps: production dependencies only #####
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

##### runtime #####
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
# Root owns the code; the process runs as the unprivileged `node` user (uid 1000) and cannot modify it.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# Compose passes `init: true` so signals reach Node (the API and the worker shut down gracefully on SIGTERM).
CMD ["node", "dist/apps/api/src/main.js"]
