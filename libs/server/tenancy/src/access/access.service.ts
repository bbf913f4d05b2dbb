import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { User } from '@mend/server-db';
import type { UserRole } from '@mend/shared-contracts';
import type { TenantContext } from '../tenant-context';

/** Everything a request may ask to do. A new endpoint adds its permission here. */
export const PERMISSIONS = [
  'clinic.read',
  'clinic.update',
  'user.list',
  'user.read',
  'user.invite',
  'user.update',
  'user.deactivate',
  'audit.search',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const NOT_FOUND = 'Not found';

/**
 * The one place that decides who may do what, denying by default (SECURITY.md):
 * - a role that may never do something gets 403;
 * - a record the user may not see answers 404, exactly like one that does not exist, so ids
 *   of other clinics' (or other couples') records reveal nothing.
 * Row-level security already hides other clinics; these rules are the record-level layer.
 */
@Injectable()
export class AccessService {
  async requireAccess(
    manager: EntityManager,
    ctx: TenantContext,
    permission: Permission,
    ids: readonly string[] = [],
  ): Promise<void> {
    switch (permission) {
      case 'clinic.read':
        return;
      case 'clinic.update':
      case 'audit.search':
        return requireRole(ctx, ['clinic_admin']);
      case 'user.list':
        return requireRole(ctx, ['clinic_admin', 'therapist']);
      case 'user.invite':
        return requireRole(ctx, ['clinic_admin']);
      case 'user.update':
      case 'user.deactivate':
        requireRole(ctx, ['clinic_admin']);
        return requireUsers(manager, ctx, ids, {});
      case 'user.read':
        if (ctx.role === 'clinic_admin') return requireUsers(manager, ctx, ids, {});
        if (ids.every((id) => id === ctx.userId)) return;
        // Therapists see their colleagues; clients of their couples come with the couples.
        if (ctx.role === 'therapist') {
          return requireUsers(manager, ctx, ids, { role: Not('client' as const) });
        }
        throw new NotFoundException(NOT_FOUND);
      default: {
        const unknown: never = permission;
        throw new ForbiddenException(`no rule for ${String(unknown)}`);
      }
    }
  }
}

function requireRole(ctx: TenantContext, roles: readonly UserRole[]): void {
  if (!roles.includes(ctx.role)) {
    throw new ForbiddenException('Your role does not allow this');
  }
}

async function requireUsers(
  manager: EntityManager,
  ctx: TenantContext,
  ids: readonly string[],
  where: { role?: ReturnType<typeof Not<UserRole>> },
): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.countBy(User, { clinicId: ctx.clinicId, id: In([...ids]), ...where });
  if (found !== new Set(ids).size) throw new NotFoundException(NOT_FOUND);
}
