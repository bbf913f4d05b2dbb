import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Response headers for every API answer. The API serves JSON, which no page should frame, sniff
 * into HTML or keep in a shared cache: `default-src 'none'`, nosniff, frames denied, no
 * X-Powered-By, and `Cache-Control: no-store` (authenticated data must not outlive the session
 * in a browser or proxy cache). Only the OpenAPI page under `docsPath` runs scripts and styles
 * of its own, so it alone gets helmet's default policy, which allows them from 'self'.
 */
export function securityHeaders(docsPath: string): RequestHandler {
  const shared = {
    frameguard: { action: 'deny' as const },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const api = helmet({
    ...shared,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  const docs = helmet({
    ...shared,
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
  });
  return (request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    const isDocs = request.path === docsPath || request.path.startsWith(`${docsPath}/`);
    (isDocs ? docs : api)(request, response, next);
  };
}
