import type { UserRole } from '@mend/shared-contracts';

/** What react-admin asks about: a resource (or a custom page) and an action on it. */
type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export';

/**
 * Which role may use which screen, for hiding menu entries and buttons only: the API enforces
 * the real rules. Anything not listed is hidden (deny by default). Areas added later (couples,
 * exercises…) add their row here.
 */
const SCREENS: Record<string, Partial<Record<UserRole, readonly Action[]>>> = {
  users: { clinic_admin: ['list', 'show', 'create', 'edit'] },
  'audit-events': { clinic_admin: ['list', 'show'] },
  clinic: { clinic_admin: ['show', 'edit'] },
  couples: { therapist: ['list', 'show', 'create'], clinic_admin: ['list'] },
  exercises: { therapist: ['list', 'show', 'create', 'edit'] },
};

export function canRoleAccess(role: UserRole, resource: string, action: string): boolean {
  const allowed: readonly string[] = SCREENS[resource]?.[role] ?? [];
  return allowed.includes(action);
}
