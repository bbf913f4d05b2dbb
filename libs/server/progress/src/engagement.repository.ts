import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExpectedOccurrence } from './progress-figures';

export interface PartnerRow {
  couple_id: string;
  user_id: string;
  seat: string;
  display_name: string;
}

/** The SQL behind progress: who was expected to answer what, and whether they did. */
@Injectable()
export class EngagementRepository {
  async partners(
    manager: EntityManager,
    clinicId: string,
    coupleIds: string[],
  ): Promise<PartnerRow[]> {
    if (coupleIds.length === 0) return [];
    return manager.query(
      `SELECT p.couple_id, p.user_id, p.seat, u.display_name
         FROM couple_partners p JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.user_id
        WHERE p.clinic_id = $1 AND p.couple_id = ANY($2::uuid[])
        ORDER BY p.couple_id, p.seat`,
      [clinicId, coupleIds],
    );
  }

  /**
   * Per partner, the occurrences of the last `days` days they were expected to answer: both
   * partners for `each` and `joint` work, the named partner for `one`. A joint answer counts for
   * both once submitted.
   */
  async expected(
    manager: EntityManager,
    clinicId: string,
    coupleIds: string[],
    days: number,
  ): Promise<Map<string, ExpectedOccurrence[]>> {
    const byPartner = new Map<string, ExpectedOccurrence[]>();
    if (coupleIds.length === 0) return byPartner;
    const rows: Array<{ user_id: string; due_at: Date; done: boolean }> = await manager.query(
      `SELECT p.user_id, o.due_at,
              EXISTS (SELECT 1 FROM responses r
                       WHERE r.clinic_id = $1 AND r.occurrence_id = o.id
                         AND r.status = 'submitted'
                         AND (r.author_user_id = p.user_id OR a.completion_mode = 'joint')) AS done
         FROM occurrences o
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
         JOIN couple_partners p ON p.clinic_id = o.clinic_id AND p.couple_id = o.couple_id
        WHERE o.clinic_id = $1 AND o.couple_id = ANY($2::uuid[])
          AND o.status <> 'cancelled'
          AND o.due_at > now() - make_interval(days => $3) AND o.due_at <= now()
          AND (a.completion_mode <> 'one' OR a.assignee_user_id = p.user_id)`,
      [clinicId, coupleIds, days],
    );
    for (const row of rows) {
      const list = byPartner.get(row.user_id) ?? [];
      list.push({ dueAt: row.due_at, done: row.done });
      byPartner.set(row.user_id, list);
    }
    return byPartner;
  }

  /** Individual (`each`) answers per partner over the last 30 days, for asymmetry. */
  async individualAnswers(
    manager: EntityManager,
    clinicId: string,
    coupleIds: string[],
  ): Promise<Map<string, number>> {
    if (coupleIds.length === 0) return new Map();
    const rows: Array<{ author_user_id: string; answers: string }> = await manager.query(
      `SELECT r.author_user_id, count(*) AS answers
         FROM responses r
         JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
        WHERE r.clinic_id = $1 AND r.couple_id = ANY($2::uuid[]) AND r.status = 'submitted'
          AND a.completion_mode = 'each' AND r.submitted_at > now() - interval '30 days'
        GROUP BY r.author_user_id`,
      [clinicId, coupleIds],
    );
    return new Map(rows.map((row) => [row.author_user_id, Number(row.answers)]));
  }

  async lastActivity(
    manager: EntityManager,
    clinicId: string,
    coupleIds: string[],
  ): Promise<Map<string, Date>> {
    if (coupleIds.length === 0) return new Map();
    const rows: Array<{ author_user_id: string; at: Date }> = await manager.query(
      `SELECT author_user_id, max(submitted_at) AS at FROM responses
        WHERE clinic_id = $1 AND couple_id = ANY($2::uuid[]) AND submitted_at IS NOT NULL
        GROUP BY author_user_id`,
      [clinicId, coupleIds],
    );
    return new Map(rows.map((row) => [row.author_user_id, row.at]));
  }
}
