import {
  ForbiddenException,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';
import { AccessRefusedException, TenantContextService, TenantDb } from '@mend/server-tenancy';
import { AuditService } from './audit.service';

/** Refusal rows one person can add per minute; past it, refusals still happen, unrecorded. */
export const REFUSALS_AUDITED_PER_MINUTE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audits refused authorization (SECURITY.md: failed authorization attempts are logged): every
 * 403, and every 404 that requireAccess gave for a record the person may not see (another
 * clinic's, another couple's). The row is written after the answer has gone, in a transaction of
 * its own (the refusal rolls back the request's), and at most REFUSALS_AUDITED_PER_MINUTE per
 * person: PostgreSQL counts, and this process stops asking once a person has reached the cap,
 * so a flood of refused requests neither fills the table nor slows the answers.
 */
@Injectable()
export class RefusalAuditInterceptor implements NestInterceptor, OnApplicationShutdown {
  private readonly logger = new Logger(RefusalAuditInterceptor.name);
  private readonly pending = new Set<Promise<void>>();
  /** Refusals seen this minute per person, in this process. */
  private seen = { minute: 0, counts: new Map<string, number>() };

  constructor(
    private readonly tenant: TenantContextService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        this.recordRefusal(context, error);
        return throwError(() => error);
      }),
    );
  }

  /** Lets rows still being written land before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private recordRefusal(context: ExecutionContext, error: unknown): void {
    const refused = error instanceof AccessRefusedException;
    if (!refused && !(error instanceof ForbiddenException)) return;
    // Public routes have no signed-in person to hold to account.
    const actor = this.tenant.signedIn;
    if (!actor || !this.underCap(`${actor.clinicId}:${actor.userId}`)) return;
    const request = context.switchToHttp().getRequest<Request>();
    const permission = refused ? error.permission : null;
    const ids = (refused ? error.ids : []).filter((id) => UUID.test(id)).slice(0, 10);
    const entry = {
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
    };
    const write = this.db
      .run(actor, async (manager) => {
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
        // The request is still in this async context, so the row gets its id and IP.
        await this.audit.record(manager, actor, entry);
      })
      .catch((failure: unknown) => {
        // The person got the refusal either way; a lost audit row is logged, not answered.
        this.logger.warn(`refusal not audited: ${(failure as Error).message}`);
      })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  private underCap(actorKey: string): boolean {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== this.seen.minute) this.seen = { minute, counts: new Map() };
    const count = (this.seen.counts.get(actorKey) ?? 0) + 1;
    this.seen.counts.set(actorKey, count);
    return count <= REFUSALS_AUDITED_PER_MINUTE;
  }
}
