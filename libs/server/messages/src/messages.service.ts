import {
  BadRequestException,
  ConflictException,
  HttpException,
  HttpStatus,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { asArray, idOrIds, type ListQuery, invalidRequest } from '@mend/server-platform';
import { planMessageDeliveries } from '@mend/server-reminders';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import { MESSAGE_THREAD_KINDS } from '@mend/shared-contracts';
import { DEFAULT_MESSAGES_NOTICE } from './default-notice';
import type {
  HideMessageDto,
  MessageDto,
  MessageThreadDto,
  OpenThreadDto,
  SendMessageDto,
} from './message.dto';
import {
  CLIENT_THREADS,
  SELECT_MESSAGES,
  SELECT_THREADS,
  clinicNotice,
  findThread,
  recentlySent,
  seesHidden,
  type MessageRow,
  type ThreadRow,
} from './messages.queries';

/** At most this many messages per person in the window, across all their threads. */
export const SEND_LIMIT = { messages: 30, windowSeconds: 600 } as const;

export const THREAD_LIST = {
  sortable: ['unread', 'lastMessageAt', 'id'] as const,
  // The inbox: threads with something unread first, then the latest conversations.
  defaultSort: ['unread', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: z.uuid().optional(),
    kind: z.enum(MESSAGE_THREAD_KINDS).optional(),
    /** true: only threads with unread messages. */
    unread: z.boolean().optional(),
  }),
};
type ThreadListQuery = ListQuery<
  (typeof THREAD_LIST.sortable)[number],
  z.infer<typeof THREAD_LIST.filter>
>;

const THREAD_SORT: Record<(typeof THREAD_LIST.sortable)[number], (order: string) => string> = {
  unread: (order) => `(x.unread > 0) ${order}, x.last_message_at DESC NULLS LAST, x.id`,
  lastMessageAt: (order) => `x.last_message_at ${order} NULLS LAST, x.id`,
  id: (order) => `x.id ${order}`,
};

export const MESSAGE_LIST = {
  sortable: ['createdAt', 'id'] as const,
  defaultSort: ['createdAt', 'ASC'] as const,
  filter: z.strictObject({ id: idOrIds.optional() }),
};
type MessageListQuery = ListQuery<
  (typeof MESSAGE_LIST.sortable)[number],
  z.infer<typeof MESSAGE_LIST.filter>
>;

// Numbers follow the order of writing, so they sort messages as the clock cannot (ties).
const MESSAGE_SORT: Record<(typeof MESSAGE_LIST.sortable)[number], string> = {
  createdAt: 'seq',
  id: 'id',
};

const READ_ONLY = 'This couple is closed: its messages can be read but no longer written';

function invalid(field: string, message: string): BadRequestException {
  return invalidRequest({ [field]: message });
}

/**
 * Messages between a couple and their therapists. A partner reaches the couple thread and
 * their own private thread; the other partner's private thread answers exactly like one that
 * does not exist, and appears in no list, count or notification of theirs. Every thread a
 * reader gets carries the clinic's notice that messages are not watched around the clock.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async listThreads(
    ctx: TenantContext,
    query: ThreadListQuery,
  ): Promise<{ rows: MessageThreadDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.list');
      const visible = this.access.visibleCouplesSql(ctx);
      const parameters: unknown[] = [...visible.parameters, seesHidden(ctx)];
      const where = ['t.clinic_id = $1', `t.couple_id IN (${visible.sql})`];
      if (ctx.role === 'client') where.push(CLIENT_THREADS);
      const { id, coupleId, kind, unread } = query.filter;
      if (id) {
        parameters.push(asArray(id));
        where.push(`t.id = ANY($${parameters.length}::uuid[])`);
      }
      if (coupleId) {
        parameters.push(coupleId);
        where.push(`t.couple_id = $${parameters.length}`);
      }
      if (kind) {
        parameters.push(kind);
        where.push(`t.kind = $${parameters.length}`);
      }
      const having = unread === undefined ? '' : `WHERE ${unread ? '' : 'NOT '}(x.unread > 0)`;
      parameters.push(query.limit, query.offset);
      const rows = await manager.query<Array<ThreadRow & { total: string }>>(
        `SELECT count(*) OVER () AS total, x.*
           FROM (${SELECT_THREADS} WHERE ${where.join(' AND ')}) x ${having}
          ORDER BY ${THREAD_SORT[query.sort](query.order)}
          LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
        parameters,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'message_thread.list_read',
          recordType: 'message_thread',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      const notice = await this.notice(manager, ctx);
      return {
        rows: rows.map((row) => toThreadDto(row, notice)),
        total: rows[0] ? Number(rows[0].total) : 0,
      };
    });
  }

  /** Opens a thread, or finds it if it is already open: each exists at most once per couple. */
  async open(ctx: TenantContext, body: OpenThreadDto): Promise<MessageThreadDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.start');
      const { coupleId, partnerId } = await this.threadKey(manager, ctx, body);
      await this.access.requireAccess(manager, ctx, 'message.start', [coupleId]);
      const [couple] = await manager.query<Array<{ status: string; partner: boolean }>>(
        `SELECT c.status,
                EXISTS (SELECT 1 FROM couple_partners p WHERE p.clinic_id = c.clinic_id
                         AND p.couple_id = c.id AND p.user_id = $3) AS partner
           FROM couples c WHERE c.clinic_id = $1 AND c.id = $2`,
        [ctx.clinicId, coupleId, partnerId],
      );
      if (!couple) throw new NotFoundException('Not found');
      if (partnerId && !couple.partner) {
        throw invalid('partnerId', 'is not a partner of this couple');
      }
      if (couple.status === 'closed') throw new ConflictException(READ_ONLY);
      const conflict =
        body.kind === 'couple'
          ? `(clinic_id, couple_id) WHERE kind = 'couple'`
          : `(clinic_id, couple_id, partner_user_id) WHERE kind = 'private'`;
      const created = await manager.query<Array<{ id: string }>>(
        `INSERT INTO message_threads (clinic_id, couple_id, kind, partner_user_id,
                                      created_by_user_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT ${conflict} DO NOTHING RETURNING id`,
        [ctx.clinicId, coupleId, body.kind, partnerId, ctx.userId],
      );
      const [thread] = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM message_threads
          WHERE clinic_id = $1 AND couple_id = $2 AND kind = $3
            AND partner_user_id IS NOT DISTINCT FROM $4`,
        [ctx.clinicId, coupleId, body.kind, partnerId],
      );
      if (!thread) throw new NotFoundException('Not found');
      if (created.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'message_thread.opened',
          recordType: 'message_thread',
          recordId: thread.id,
          detail: { coupleId, kind: body.kind },
        });
      }
      return this.thread(manager, ctx, thread.id);
    });
  }

  async get(ctx: TenantContext, id: string): Promise<MessageThreadDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.read', [id]);
      await this.audit.record(manager, ctx, {
        action: 'message_thread.read',
        recordType: 'message_thread',
        recordId: id,
      });
      return this.thread(manager, ctx, id);
    });
  }

  async listMessages(
    ctx: TenantContext,
    threadId: string,
    query: MessageListQuery,
  ): Promise<{ rows: MessageDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.read', [threadId]);
      const parameters: unknown[] = [ctx.clinicId, threadId, seesHidden(ctx)];
      let where = '';
      if (query.filter.id) {
        parameters.push(asArray(query.filter.id));
        where = ` AND m.id = ANY($${parameters.length}::uuid[])`;
      }
      parameters.push(query.limit, query.offset);
      const rows = await manager.query<Array<MessageRow & { total: string }>>(
        `${SELECT_MESSAGES.replace('SELECT', 'SELECT count(*) OVER () AS total,')}${where}
          ORDER BY m.${MESSAGE_SORT[query.sort]} ${query.order}
          LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
        parameters,
      );
      await this.audit.record(manager, ctx, {
        action: 'message.list_read',
        recordType: 'message_thread',
        recordId: threadId,
        detail: { ids: rows.map((row) => row.id) },
      });
      return {
        rows: rows.map((row) => toMessageDto(row, ctx)),
        total: rows[0] ? Number(rows[0].total) : 0,
      };
    });
  }

  async send(ctx: TenantContext, threadId: string, body: SendMessageDto): Promise<MessageDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.write', [threadId]);
      const [thread] = await manager.query<Array<{ couple_status: string }>>(
        `SELECT c.status AS couple_status FROM message_threads t
           JOIN couples c ON c.clinic_id = t.clinic_id AND c.id = t.couple_id
          WHERE t.clinic_id = $1 AND t.id = $2
            FOR NO KEY UPDATE OF t`,
        [ctx.clinicId, threadId],
      );
      if (!thread) throw new NotFoundException('Not found');
      if (thread.couple_status === 'closed') throw new ConflictException(READ_ONLY);
      if ((await recentlySent(manager, ctx, SEND_LIMIT.windowSeconds)) >= SEND_LIMIT.messages) {
        throw new HttpException(
          { message: 'Too many messages in a short time; please wait a few minutes' },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      const now = new Date();
      const [numbered] = await manager.query<Array<{ last_seq: number }>>(
        `WITH next AS (
           UPDATE message_threads SET last_seq = last_seq + 1, last_message_at = $3
            WHERE clinic_id = $1 AND id = $2 RETURNING last_seq)
         SELECT last_seq FROM next`,
        [ctx.clinicId, threadId, now],
      );
      if (!numbered) throw new NotFoundException('Not found');
      const [message] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO messages (clinic_id, thread_id, seq, author_user_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [ctx.clinicId, threadId, numbered.last_seq, ctx.userId, body.body, now],
      );
      if (!message) throw new NotFoundException('Not found');
      // Writers have read what they answered.
      await this.markRead(manager, ctx, threadId);
      await planMessageDeliveries(
        manager,
        ctx.clinicId,
        { id: message.id, threadId, authorUserId: ctx.userId },
        now,
      );
      await this.audit.record(manager, ctx, {
        action: 'message.sent',
        recordType: 'message',
        recordId: message.id,
        detail: { threadId, length: body.body.length },
      });
      return this.message(manager, ctx, threadId, message.id);
    });
  }

  async read(ctx: TenantContext, threadId: string): Promise<MessageThreadDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.read', [threadId]);
      await this.markRead(manager, ctx, threadId);
      await this.audit.record(manager, ctx, {
        action: 'message_thread.marked_read',
        recordType: 'message_thread',
        recordId: threadId,
      });
      return this.thread(manager, ctx, threadId);
    });
  }

  /** A therapist of the couple hides a message from the partners; it is kept, with the reason. */
  async hide(ctx: TenantContext, id: string, body: HideMessageDto): Promise<MessageDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'message.hide');
      const [found] = await manager.query<Array<{ thread_id: string; hidden: boolean }>>(
        `SELECT thread_id, hidden_at IS NOT NULL AS hidden FROM messages
          WHERE clinic_id = $1 AND id = $2 FOR NO KEY UPDATE`,
        [ctx.clinicId, id],
      );
      if (!found) throw new NotFoundException('Not found');
      await this.access.requireAccess(manager, ctx, 'message.hide', [found.thread_id]);
      if (found.hidden) throw new ConflictException('This message is already hidden');
      await manager.query(
        `UPDATE messages SET hidden_at = now(), hidden_by_user_id = $3, hidden_reason = $4
          WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, id, ctx.userId, body.reason],
      );
      await this.audit.record(manager, ctx, {
        action: 'message.hidden',
        recordType: 'message',
        recordId: id,
        detail: { threadId: found.thread_id },
      });
      return this.message(manager, ctx, found.thread_id, id);
    });
  }

  /** Which thread a request names: the couple, and the partner of a private thread. */
  private async threadKey(
    manager: EntityManager,
    ctx: TenantContext,
    body: OpenThreadDto,
  ): Promise<{ coupleId: string; partnerId: string | null }> {
    if (ctx.role === 'client') {
      if (body.partnerId !== undefined) {
        throw invalid('partnerId', 'partners open only their own private thread; leave it out');
      }
      const [own] = await manager.query<Array<{ couple_id: string }>>(
        `SELECT couple_id FROM couple_partners WHERE clinic_id = $1 AND user_id = $2`,
        [ctx.clinicId, ctx.userId],
      );
      if (!own) throw new NotFoundException('Not found');
      return {
        coupleId: body.coupleId ?? own.couple_id,
        partnerId: body.kind === 'private' ? ctx.userId : null,
      };
    }
    if (!body.coupleId) throw invalid('coupleId', 'name the couple');
    if (body.kind === 'private' && !body.partnerId) {
      throw invalid('partnerId', 'name the partner of a private thread');
    }
    if (body.kind === 'couple' && body.partnerId !== undefined) {
      throw invalid('partnerId', 'the couple thread is with both partners; leave it out');
    }
    return { coupleId: body.coupleId, partnerId: body.partnerId ?? null };
  }

  private async markRead(
    manager: EntityManager,
    ctx: TenantContext,
    threadId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO message_reads (clinic_id, thread_id, user_id, read_seq, read_at)
       SELECT t.clinic_id, t.id, $3, t.last_seq, now() FROM message_threads t
        WHERE t.clinic_id = $1 AND t.id = $2
       ON CONFLICT ON CONSTRAINT pk_message_reads DO UPDATE
          SET read_seq = GREATEST(message_reads.read_seq, EXCLUDED.read_seq),
              read_at = EXCLUDED.read_at`,
      [ctx.clinicId, threadId, ctx.userId],
    );
    // The bell's word about this thread has been answered by reading it.
    await manager.query(
      `UPDATE notifications SET read_at = now()
        WHERE clinic_id = $1 AND user_id = $2 AND kind = 'message' AND read_at IS NULL
          AND detail ->> 'threadId' = $3`,
      [ctx.clinicId, ctx.userId, threadId],
    );
  }

  private async thread(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<MessageThreadDto> {
    const row = await findThread(manager, ctx, id);
    if (!row) throw new NotFoundException('Not found');
    return toThreadDto(row, await this.notice(manager, ctx));
  }

  private async message(
    manager: EntityManager,
    ctx: TenantContext,
    threadId: string,
    id: string,
  ): Promise<MessageDto> {
    const [row] = await manager.query<MessageRow[]>(`${SELECT_MESSAGES} AND m.id = $4`, [
      ctx.clinicId,
      threadId,
      true,
      id,
    ]);
    if (!row) throw new NotFoundException('Not found');
    return toMessageDto(row, ctx);
  }

  private async notice(manager: EntityManager, ctx: TenantContext): Promise<string> {
    const own = await clinicNotice(manager, ctx.clinicId);
    return own ?? DEFAULT_MESSAGES_NOTICE[await readerLocale(manager, ctx)];
  }
}

function toThreadDto(row: ThreadRow, notice: string): MessageThreadDto {
  return {
    id: row.id,
    coupleId: row.couple_id,
    coupleLabel: row.couple_label,
    kind: row.kind,
    partnerId: row.partner_user_id,
    partnerName: row.partner_name,
    lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
    unread: Number(row.unread),
    readOnly: row.couple_status === 'closed',
    notice,
  };
}

function toMessageDto(row: MessageRow, ctx: TenantContext): MessageDto {
  const staffView = seesHidden(ctx);
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_user_id,
    authorName: row.author_name,
    authorRole: row.author_role === 'client' ? 'client' : 'therapist',
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    mine: row.author_user_id === ctx.userId,
    hiddenAt: staffView && row.hidden_at ? new Date(row.hidden_at).toISOString() : null,
    hiddenReason: staffView ? row.hidden_reason : null,
  };
}
