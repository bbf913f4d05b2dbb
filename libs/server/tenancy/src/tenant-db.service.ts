import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantScope {
  clinicId: string;
  userId?: string;
  role?: string;
}

/**
 * Runs work in one transaction scoped to one clinic: `app.clinic_id` (and the user and role,
 * for policies that need them) are set transaction-locally, so row-level security sees only
 * that clinic and nothing leaks to the next user of the pooled connection.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(scope: TenantScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!UUID.test(scope.clinicId)) throw new Error('TenantDb.run needs a clinic id');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.role', $3, true)`,
        [scope.clinicId, scope.userId ?? '', scope.role ?? ''],
      );
      return work(manager);
    });
  }

  /** Platform-level queries that touch no tenant table (e.g. the sign-in lookup function). */
  query<T>(sql: string, parameters: unknown[]): Promise<T> {
    return this.dataSource.query(sql, parameters);
  }
}
