import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ClsService, CLS_REQ } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { AuditEvent, type AuditDetail } from '@mend/server-db';

export interface AuditEntry {
  action: string;
  recordType?: string;
  recordId?: string;
  detail?: AuditDetail;
}

/**
 * Writes the append-only audit trail inside the caller's transaction, so a change and its
 * audit row commit (or roll back) together. Request id and IP come from the current request.
 */
@Injectable()
export class AuditService {
  constructor(private readonly cls: ClsService) {}

  async record(
    manager: EntityManager,
    actor: { clinicId: string; userId?: string | null },
    entry: AuditEntry,
  ): Promise<void> {
    const request = this.cls.isActive() ? this.cls.get<Request | undefined>(CLS_REQ) : undefined;
    const requestId = (request as (Request & { id?: unknown }) | undefined)?.id;
    await manager.insert(AuditEvent, {
      clinicId: actor.clinicId,
      actorUserId: actor.userId ?? null,
      action: entry.action,
      recordType: entry.recordType ?? null,
      recordId: entry.recordId ?? null,
      requestId: typeof requestId === 'string' ? requestId : null,
      ip: request?.ip ?? null,
      detail: entry.detail ?? {},
    });
  }
}
