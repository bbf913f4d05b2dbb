# Worker (BullMQ) image. Build context is the repository root:
#   docker build -f docker/worker.Dockerfile .

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false
COPY package.json package-lock.json .npmrc ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run worker:build

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
# The webpack bundle leaves node_modules external, so the runtime needs production dependencies.
COPY package.json package-lock.json .npmrc ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/apps/worker ./dist/apps/worker
USER node
CMD ["node", "dist/apps/worker/main.js"]
