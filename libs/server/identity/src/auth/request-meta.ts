import type { Request } from 'express';
import type { RequestMeta } from './auth.service';

/** Who sent a request, as the audit log records it. */
export function requestMeta(request: Request): RequestMeta {
  const id = (request as Request & { id?: unknown }).id;
  return { ip: request.ip ?? null, requestId: typeof id === 'string' ? id : null };
}
