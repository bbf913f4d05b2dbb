import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CoupleProgressDto } from './progress.dto';
import { EngagementRepository } from './engagement.repository';
import { asymmetry, partnerFigures, weeklyCompletion } from './progress-figures';

const HISTORY_DAYS = 8 * 7;

/** Progress figures for a batch of couples, in a handful of queries whatever the batch size. */
@Injectable()
export class CoupleProgressCalculator {
  constructor(private readonly engagement: EngagementRepository) {}

  async forCouples(
    manager: EntityManager,
    clinicId: string,
    coupleIds: string[],
    now = new Date(),
  ): Promise<Map<string, CoupleProgressDto>> {
    // One connection (the caller's transaction) runs one query at a time.
    const partners = await this.engagement.partners(manager, clinicId, coupleIds);
    const expected = await this.engagement.expected(manager, clinicId, coupleIds, HISTORY_DAYS);
    const answers = await this.engagement.individualAnswers(manager, clinicId, coupleIds);
    const activity = await this.engagement.lastActivity(manager, clinicId, coupleIds);
    const alerts = await this.openAlerts(manager, clinicId, coupleIds);
    const result = new Map<string, CoupleProgressDto>();
    for (const coupleId of coupleIds) {
      const seats = partners.filter((p) => p.couple_id === coupleId);
      const all = seats.flatMap((p) => expected.get(p.user_id) ?? []);
      const [a, b] = seats;
      const balance = asymmetry(
        a ? (answers.get(a.user_id) ?? 0) : 0,
        b ? (answers.get(b.user_id) ?? 0) : 0,
      );
      result.set(coupleId, {
        coupleId,
        partners: seats.map((p) => {
          const figures = partnerFigures(expected.get(p.user_id) ?? [], now);
          return {
            userId: p.user_id,
            seat: p.seat,
            displayName: p.display_name,
            completion7: figures.completion7,
            completion30: figures.completion30,
            streak: figures.streak,
            missedInARow: figures.missedInARow,
            lastActivityAt: activity.get(p.user_id)?.toISOString() ?? null,
          };
        }),
        asymmetryShareA: balance.shareA,
        asymmetryFlagged: balance.flagged,
        weekly: weeklyCompletion(all, now),
        openAlerts: alerts.get(coupleId) ?? 0,
      });
    }
    return result;
  }

  private async openAlerts(
    manager: EntityManager,
    clinicId: string,
    coupleIds: string[],
  ): Promise<Map<string, number>> {
    if (coupleIds.length === 0) return new Map();
    const rows: Array<{ couple_id: string; open: string }> = await manager.query(
      `SELECT couple_id, count(*) AS open FROM alerts
        WHERE clinic_id = $1 AND couple_id = ANY($2::uuid[]) AND status <> 'resolved'
        GROUP BY couple_id`,
      [clinicId, coupleIds],
    );
    return new Map(rows.map((row) => [row.couple_id, Number(row.open)]));
  }
}
