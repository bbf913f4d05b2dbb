import { Injectable, NotFoundException } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { Notification } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  idOrIds,
  inOrderOf,
  listSpec,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { TenantDb, type TenantContext } from '@mend/server-tenancy';
import { NOTIFICATION_KINDS, WEB_PATHS, webPath } from '@mend/shared-contracts';
import type { NotificationDto } from './notifications.dto';

export const NOTIFICATION_LIST = listSpec({
  sortable: ['createdAt', 'kind', 'readAt'],
  defaultSort: ['createdAt', 'DESC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    /** true: unread only; false: read only. */
    unread: z.boolean().optional(),
    kind: z.enum(NOTIFICATION_KINDS).optional(),
  }),
});
type NotificationListQuery = ListQueryOf<typeof NOTIFICATION_LIST>;

const SORT_COLUMNS: SortColumns<NotificationListQuery['sort']> = {
  createdAt: 'n.created_at',
  kind: 'n.kind',
  readAt: 'n.read_at',
  id: 'n.id',
};

/**
 * The signed-in user's own notifications. There is no permission to check: every role has
 * notifications and nobody may see anyone else's, so every query names the caller's user id
 * (and clinic) and another person's notification is simply not found.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: TenantContext,
    query: NotificationListQuery,
  ): Promise<{ rows: NotificationDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      const sql = new SqlBuilder(ctx.clinicId, ctx.userId).where(
        'n.clinic_id = $1 AND n.user_id = $2',
      );
      const { id, unread, kind } = query.filter;
      if (id) sql.where((p) => `n.id = ANY(${p}::uuid[])`, asArray(id));
      if (unread !== undefined) sql.where(unread ? 'n.read_at IS NULL' : 'n.read_at IS NOT NULL');
      if (kind) sql.where((p) => `n.kind = ${p}`, kind);
      const { ids, total } = await sql.idPage(manager, 'notifications n', SORT_COLUMNS, query);
      const rows = inOrderOf(
        ids,
        await manager.findBy(Notification, {
          clinicId: ctx.clinicId,
          userId: ctx.userId,
          id: In(ids),
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'notification.list_read',
        recordType: 'notification',
        detail: { count: rows.length },
      });
      return { rows: rows.map(toDto), total };
    });
  }

  async unreadCount(ctx: TenantContext): Promise<number> {
    return this.db.run(ctx, (manager) =>
      manager.countBy(Notification, {
        clinicId: ctx.clinicId,
        userId: ctx.userId,
        readAt: IsNull(),
      }),
    );
  }

  async markRead(ctx: TenantContext, id: string): Promise<NotificationDto> {
    return this.db.run(ctx, async (manager) => {
      const notification = await this.findOwn(manager, ctx, id);
      if (!notification.readAt) {
        await manager.query(
          `UPDATE notifications SET read_at = now()
            WHERE clinic_id = $1 AND user_id = $2 AND id = $3 AND read_at IS NULL`,
          [ctx.clinicId, ctx.userId, id],
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'notification.read',
        recordType: 'notification',
        recordId: id,
      });
      return toDto(await this.findOwn(manager, ctx, id));
    });
  }

  async markAllRead(ctx: TenantContext): Promise<number> {
    return this.db.run(ctx, async (manager) => {
      const [, updated] = await manager.query<[unknown, number]>(
        `UPDATE notifications SET read_at = now()
          WHERE clinic_id = $1 AND user_id = $2 AND read_at IS NULL`,
        [ctx.clinicId, ctx.userId],
      );
      await this.audit.record(manager, ctx, {
        action: 'notification.read_all',
        recordType: 'notification',
        detail: { count: updated },
      });
      return updated;
    });
  }

  private async findOwn(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<Notification> {
    const notification = await manager.findOneBy(Notification, {
      clinicId: ctx.clinicId,
      userId: ctx.userId,
      id,
    });
    if (!notification) throw new NotFoundException('Not found');
    return notification;
  }
}

/** The web app's page for what a notification is about (the same pages its email links to). */
function linkOf(n: Notification): string {
  switch (n.kind) {
    case 'due_soon':
    case 'overdue':
      return n.occurrenceId ? webPath.exercise(n.occurrenceId) : WEB_PATHS.home;
    case 'escalation':
      return n.coupleId ? webPath.couple(n.coupleId) : WEB_PATHS.home;
    case 'digest':
      return WEB_PATHS.home;
    case 'message': {
      const threadId = n.detail['threadId'];
      return typeof threadId === 'string' ? webPath.thread(threadId) : WEB_PATHS.messages;
    }
    case 'report_ready':
      return WEB_PATHS.reports;
  }
}

export function toDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    occurrenceId: n.occurrenceId,
    coupleId: n.coupleId,
    alertId: n.alertId,
    detail: n.detail,
    link: linkOf(n),
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
