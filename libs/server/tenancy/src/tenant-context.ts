import type { UserRole } from '@mend/shared-contracts';

/** Who is acting, for which clinic. Built only from a verified token or a job's payload. */
export interface TenantContext {
  clinicId: string;
  userId: string;
  role: UserRole;
  sessionId: string;
}

export class MissingTenantContextError extends Error {
  constructor() {
    super('tenant context read outside a request or job');
    this.name = 'MissingTenantContextError';
  }
}
