import {
  ForbiddenException,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { AccessRefusedException, TenantContextService, TenantDb } from '@mend/server-tenancy';
import { AuditService } from './audit.service';

/** Refusal rows one person can add per minute; past it, refusals still happen, unrecorded. */
export const REFUSALS_AUDITED_PER_MINUTE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audits refused authorization (SECURITY.md: failed authorization attempts are logged): every
 * 403, and every 404 that requireAccess gave for a record the person may not see (another
 * clinic's, another couple's). The row is written in a transaction of its own, since the
 * refusal rolls back the request's, and at most REFUSALS_AUDITED_PER_MINUTE per person, so a
 * flood of refused requests cannot fill the table. The answer itself never changes.
 */
@Injectable()
export class RefusalAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RefusalAuditInterceptor.name);

  constructor(
    private readonly tenant: TenantContextService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.recordRefusal(context, error)).pipe(mergeMap(() => throwError(() => error))),
        ),
      );
  }

  private async recordRefusal(context: ExecutionContext, error: unknown): Promise<void> {
    const refused = error instanceof AccessRefusedException;
    if (!refused && !(error instanceof ForbiddenException)) return;
    // Public routes have no signed-in person to hold to account.
    const actor = this.tenant.signedIn;
    if (!actor) return;
    const request = context.switchToHttp().getRequest<Request>();
    const permission = refused ? error.permission : null;
    const ids = (refused ? error.ids : []).filter((id) => UUID.test(id)).slice(0, 10);
    try {
      await this.db.run(actor, async (manager) => {
        // One person's refusals are counted one at a time, so a burst cannot slip past the cap.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `audit-refusals:${actor.clinicId}:${actor.userId}`,
        ]);
        const [recent]: Array<{ count: number }> = await manager.query(
          `SELECT count(*)::int AS count FROM audit_events
            WHERE clinic_id = $1 AND actor_user_id = $2 AND action = 'access.refused'
              AND occurred_at > now() - interval '1 minute'`,
          [actor.clinicId, actor.userId],
        );
        if ((recent?.count ?? 0) >= REFUSALS_AUDITED_PER_MINUTE) return;
        await this.audit.record(manager, actor, {
          action: 'access.refused',
          recordType: permission?.split('.')[0],
          recordId: ids[0],
          detail: {
            status: refused ? error.getStatus() : 403,
            permission,
            method: request.method,
            route: typeof request.route?.path === 'string' ? request.route.path : null,
            ids,
          },
        });
      });
    } catch (failure) {
      // The person gets the refusal either way; a lost audit row is logged, not answered.
      this.logger.warn(`refusal not audited: ${(failure as Error).message}`);
    }
  }
}
