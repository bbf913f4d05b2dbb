import { Injectable } from '@nestjs/common';
import { AuditService } from '@mend/server-audit';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import type { MeasureSettingsDto, UpdateMeasureSettingsDto } from '../measures.dto';
import { measureSettings } from '../measures.queries';

/** The clinic's measure policy: may partners see their own graph, when does a gap alert. */
@Injectable()
export class MeasureSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async get(ctx: TenantContext): Promise<MeasureSettingsDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.settings.read');
      const row = await measureSettings(manager, ctx.clinicId);
      return {
        partnersSeeOwnGraph: row.partners_see_own_graph,
        gapAlertPercent: row.gap_alert_percent,
      };
    });
  }

  async update(ctx: TenantContext, body: UpdateMeasureSettingsDto): Promise<MeasureSettingsDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.settings.update');
      const current = await measureSettings(manager, ctx.clinicId);
      const next = {
        partnersSeeOwnGraph: body.partnersSeeOwnGraph ?? current.partners_see_own_graph,
        gapAlertPercent: body.gapAlertPercent ?? current.gap_alert_percent,
      };
      await manager.query(
        `INSERT INTO measure_settings (clinic_id, partners_see_own_graph, gap_alert_percent)
         VALUES ($1, $2, $3)
         ON CONFLICT (clinic_id) DO UPDATE
           SET partners_see_own_graph = EXCLUDED.partners_see_own_graph,
               gap_alert_percent = EXCLUDED.gap_alert_percent, updated_at = EXCLUDED.updated_at`,
        [ctx.clinicId, next.partnersSeeOwnGraph, next.gapAlertPercent],
      );
      await this.audit.record(manager, ctx, {
        action: 'measure_settings.updated',
        recordType: 'clinic',
        recordId: ctx.clinicId,
        detail: next,
      });
      return next;
    });
  }
}
