import { ForbiddenException, Injectable } from '@nestjs/common';
import { AuditService } from '@mend/server-audit';
import { requirePolicyAcknowledged } from '@mend/server-couples';
import { AccessService, readerLocale, TenantDb, type TenantContext } from '@mend/server-tenancy';
import type { CoupleMeasureSummaryDto } from '../measures.dto';
import { measureSettings } from '../measures.queries';
import { coupleSummaries } from './measure-summaries';

export const OWN_GRAPH_OFF = {
  message: 'Your clinic has not turned on partners seeing their own check-in graph',
  code: 'own_graph_off',
} as const;

/** Both partners' trajectories, reliable change and the gap, for staff; a partner's own graph. */
@Injectable()
export class CoupleMeasuresService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async summaries(
    ctx: TenantContext,
    coupleId: string,
    definitionId: string | undefined,
  ): Promise<CoupleMeasureSummaryDto[]> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.summary.read', [coupleId]);
      await requirePolicyAcknowledged(manager, ctx);
      if (ctx.role === 'client') {
        const settings = await measureSettings(manager, ctx.clinicId);
        if (!settings.partners_see_own_graph) throw new ForbiddenException(OWN_GRAPH_OFF);
      }
      const summaries = await coupleSummaries(manager, {
        clinicId: ctx.clinicId,
        coupleId,
        locale: await readerLocale(manager, ctx),
        onlyPartnerId: ctx.role === 'client' ? ctx.userId : null,
        definitionId,
      });
      await this.audit.record(manager, ctx, {
        action: 'measure_summary.read',
        recordType: 'couple',
        recordId: coupleId,
      });
      return summaries;
    });
  }
}
