# Web (react-admin) image: Vite builds static files, nginx serves them and proxies /api/.
# Build context is the repository root:
#   docker build -f docker/web.Dockerfile .

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false
COPY package.json package-lock.json .npmrc ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run web:build

FROM nginx:stable-alpine AS runtime
COPY docker/web.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/apps/web /usr/share/nginx/html
EXPOSE 80
