import type { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE = /^[a-z_]{0,40}$/;

export interface TenantSettings {
  clinicId: string;
  userId?: string;
  role?: string;
}

/**
 * The statement that scopes the current transaction to one clinic for row-level security.
 *
 * `SET LOCAL` rather than `set_config(…, true)`: both end with the transaction (so a pooled
 * connection, or PgBouncer in transaction mode, carries nothing to its next user), but only a
 * `SET` command is passed on to Citus workers (with `citus.propagate_set_commands = 'local'`),
 * where the policies run. `SET` takes no bind parameters, so every value is a quoted literal
 * and is checked here, where it is built, whatever the caller checked before.
 */
export function tenantSettingsSql(settings: TenantSettings): string {
  const { clinicId, userId = '', role = '' } = settings;
  if (!UUID.test(clinicId)) throw new Error('A tenant transaction needs a clinic id (a UUID)');
  if (userId !== '' && !UUID.test(userId))
    throw new Error('A tenant transaction needs a UUID as user id');
  if (!ROLE.test(role)) throw new Error('A tenant transaction needs a role name');
  return [
    `SET LOCAL app.clinic_id = '${clinicId}'`,
    `SET LOCAL app.user_id = '${userId}'`,
    `SET LOCAL app.role = '${role}'`,
  ].join('; ');
}

/** Scopes `manager`'s open transaction to one clinic (see `tenantSettingsSql`). */
export async function setTenant(manager: EntityManager, settings: TenantSettings): Promise<void> {
  await manager.query(tenantSettingsSql(settings));
}
