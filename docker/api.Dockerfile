# API image. Build context is the repository root:
#   docker build -f docker/api.Dockerfile .
# The `build` stage (full dev dependencies and sources) is also what compose uses to run migrations.

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false
COPY package.json package-lock.json .npmrc ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run api:build

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
# The webpack bundle leaves node_modules external, so the runtime needs production dependencies.
COPY package.json package-lock.json .npmrc ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/apps/api ./dist/apps/api
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
