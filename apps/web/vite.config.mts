import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { type ProxyOptions, defineConfig } from 'vite';

import { WEB_SECURITY_HEADERS } from './src/security-headers';

const appRoot = import.meta.dirname;
const port = Number(process.env['WEB_PORT'] ?? 4200);
const workspaceRoot = resolve(appRoot, '../..');
const fromWorkspace = (path: string) => resolve(workspaceRoot, path);

// `vite preview` serves the built app, so it needs the same proxy as the dev server to reach the API.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000' },
};

export default defineConfig({
  root: appRoot,
  cacheDir: fromWorkspace('node_modules/.vite/apps/web'),
  plugins: [react()],
  resolve: {
    // Mirrors the tsconfig paths; each library is reachable only through its index.ts.
    alias: {
      '@mend/web-auth': fromWorkspace('libs/web/auth/src/index.ts'),
      '@mend/web-ui': fromWorkspace('libs/web/ui/src/index.ts'),
      '@mend/web-i18n': fromWorkspace('libs/web/i18n/src/index.ts'),
      '@mend/web-account': fromWorkspace('libs/web/account/src/index.ts'),
      '@mend/web-admin': fromWorkspace('libs/web/admin/src/index.ts'),
      '@mend/web-therapist': fromWorkspace('libs/web/therapist/src/index.ts'),
      '@mend/shared-schedule': fromWorkspace('libs/shared/schedule/src/index.ts'),
      '@mend/shared-exercises': fromWorkspace('libs/shared/exercises/src/index.ts'),
      '@mend/web-client': fromWorkspace('libs/web/client/src/index.ts'),
      '@mend/web-messages': fromWorkspace('libs/web/messages/src/index.ts'),
      '@mend/shared-contracts': fromWorkspace('libs/shared/contracts/src/index.ts'),
    },
  },
  server: { host: '127.0.0.1', port, strictPort: true, proxy: apiProxy },
  // Only the built app runs under the policy: the dev server's hot reload injects inline scripts.
  preview: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    proxy: apiProxy,
    headers: WEB_SECURITY_HEADERS,
  },
  // The build target runs with NODE_ENV=production: under `npm start`'s NODE_ENV=development vite
  // would bundle React's development build, larger and slower than what a clinic runs.
  build: {
    outDir: fromWorkspace('dist/apps/web'),
    emptyOutDir: true,
  },
});
