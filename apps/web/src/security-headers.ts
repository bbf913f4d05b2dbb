/**
 * The headers every page of the web app is served with, by `vite preview` (npm start, npm test)
 * and, written out the same way, by docker/web.nginx.conf (the browser tests compare the two).
 *
 * The policy is what the app really needs, checked in Chromium page by page (csp.e2e-spec.ts):
 * scripts only from the app's own origin; styles from it plus inline ones, because MUI's
 * emotion inserts <style> elements at run time (a nonce would need a server that renders each
 * page); images from it plus data: URLs (the MFA QR code); the API on the same origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const WEB_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
