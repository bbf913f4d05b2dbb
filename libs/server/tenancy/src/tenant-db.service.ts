import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { tenantSettingsSql, type TenantSettings } from '@mend/server-db';

export type TenantScope = TenantSettings;

/**
 * Runs work in one transaction scoped to one clinic: `app.clinic_id` (and the user and role,
 * for policies that need them) are set transaction-locally with `SET LOCAL`, so row-level
 * security sees only that clinic and nothing leaks to the next user of the pooled connection.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(scope: TenantScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // Built (and its values checked) before the transaction opens, so a bad scope costs no
    // round trip.
    const settings = tenantSettingsSql(scope);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(settings);
      return work(manager);
    });
  }

  /** Platform-level queries that touch no tenant table (e.g. the sign-in lookup function). */
  query<T>(sql: string, parameters: unknown[]): Promise<T> {
    return this.dataSource.query(sql, parameters);
  }
}
