/**
 * The monthly clinic report's SQL. Parameters: $1 clinic, $2 first day, $3 last day (civil
 * dates of the clinic's time zone), $4 the clinic's time zone. Counts only, never answer text.
 */
const BOUNDS = `bounds AS (
  SELECT ($2::date::timestamp AT TIME ZONE $4) AS from_at,
         (($3::date + 1)::timestamp AT TIME ZONE $4) AS to_at
)`;

/**
 * One row per couple that was with the clinic during the period. An occurrence expects an
 * answer from each partner it was for (both for `each` and `joint`, the named one for `one`);
 * a submitted joint answer counts for both.
 */
export const COUPLE_ENGAGEMENT_SQL = `
WITH ${BOUNDS},
occ AS (
  SELECT o.couple_id,
         CASE WHEN a.completion_mode = 'one' THEN 1 ELSE 2 END AS expected,
         (SELECT count(*) FROM couple_partners p
           WHERE p.clinic_id = o.clinic_id AND p.couple_id = o.couple_id
             AND (a.completion_mode <> 'one' OR a.assignee_user_id = p.user_id)
             AND EXISTS (SELECT 1 FROM responses r
                          WHERE r.clinic_id = o.clinic_id AND r.occurrence_id = o.id
                            AND r.status = 'submitted'
                            AND (r.author_user_id = p.user_id OR a.completion_mode = 'joint'))
         )::int AS answered
    FROM occurrences o
    JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
    CROSS JOIN bounds b
   WHERE o.clinic_id = $1 AND o.status <> 'cancelled'
     AND o.due_at >= b.from_at AND o.due_at < b.to_at
),
occ_by_couple AS (
  SELECT couple_id, count(*)::int AS due, sum(expected)::int AS expected_answers,
         sum(answered)::int AS answers,
         (count(*) FILTER (WHERE expected = 2 AND answered = 2))::int AS both_answered,
         (count(*) FILTER (WHERE expected = 2 AND answered = 1))::int AS one_answered,
         (count(*) FILTER (WHERE answered = 0))::int AS none_answered
    FROM occ GROUP BY couple_id
),
reminders AS (
  SELECT o.couple_id,
         (count(*) FILTER (WHERE d.status = 'sent'))::int AS sent,
         (count(*) FILTER (WHERE d.status = 'failed'))::int AS failed
    FROM deliveries d
    JOIN occurrences o ON o.clinic_id = d.clinic_id AND o.id = d.occurrence_id
    CROSS JOIN bounds b
   WHERE d.clinic_id = $1 AND d.due_at >= b.from_at AND d.due_at < b.to_at
   GROUP BY o.couple_id
),
alerts_open AS (
  SELECT al.couple_id, count(*)::int AS unresolved
    FROM alerts al CROSS JOIN bounds b
   WHERE al.clinic_id = $1 AND al.created_at < b.to_at
     AND (al.resolved_at IS NULL OR al.resolved_at >= b.to_at)
   GROUP BY al.couple_id
)
SELECT c.id AS couple_id, c.label, c.status::text AS status,
       COALESCE(t.ids, '{}') AS therapist_ids, COALESCE(t.names, '') AS therapists,
       (c.created_at >= b.from_at) AS is_new,
       (c.closed_at IS NOT NULL AND c.closed_at >= b.from_at AND c.closed_at < b.to_at)
         AS closed_in_period,
       COALESCE(e.due, 0) AS occurrences_due,
       COALESCE(e.expected_answers, 0) AS expected_answers,
       COALESCE(e.answers, 0) AS answers,
       COALESCE(e.both_answered, 0) AS both_answered,
       COALESCE(e.one_answered, 0) AS one_answered,
       COALESCE(e.none_answered, 0) AS none_answered,
       COALESCE(r.sent, 0) AS reminders_sent,
       COALESCE(r.failed, 0) AS reminders_failed,
       COALESCE(al.unresolved, 0) AS unresolved_alerts
  FROM couples c
  CROSS JOIN bounds b
  LEFT JOIN LATERAL (
    SELECT array_agg(u.id::text ORDER BY u.display_name, u.id) AS ids,
           string_agg(u.display_name, '; ' ORDER BY u.display_name, u.id) AS names
      FROM couple_therapists ct
      JOIN users u ON u.clinic_id = ct.clinic_id AND u.id = ct.therapist_user_id
     WHERE ct.clinic_id = c.clinic_id AND ct.couple_id = c.id
  ) t ON true
  LEFT JOIN occ_by_couple e ON e.couple_id = c.id
  LEFT JOIN reminders r ON r.couple_id = c.id
  LEFT JOIN alerts_open al ON al.couple_id = c.id
 WHERE c.clinic_id = $1 AND c.created_at < b.to_at
   AND (c.closed_at IS NULL OR c.closed_at >= b.from_at)
 ORDER BY c.label, c.id`;

/** Reminders due in the period by kind and outcome (digests and escalations included). */
export const REMINDER_TOTALS_SQL = `
WITH ${BOUNDS}
SELECT d.kind::text AS kind,
       (count(*) FILTER (WHERE d.status = 'sent'))::int AS sent,
       (count(*) FILTER (WHERE d.status = 'failed'))::int AS failed
  FROM deliveries d CROSS JOIN bounds b
 WHERE d.clinic_id = $1 AND d.due_at >= b.from_at AND d.due_at < b.to_at
 GROUP BY d.kind ORDER BY d.kind`;

/** Alerts raised before the period ended and not resolved by then, by kind. */
export const UNRESOLVED_ALERTS_SQL = `
WITH ${BOUNDS}
SELECT al.kind::text AS kind, count(*)::int AS alerts
  FROM alerts al CROSS JOIN bounds b
 WHERE al.clinic_id = $1 AND al.created_at < b.to_at
   AND (al.resolved_at IS NULL OR al.resolved_at >= b.to_at)
 GROUP BY al.kind ORDER BY al.kind`;

/** The clinic's therapists (active, or with couples), for the caseload table. */
export const THERAPISTS_SQL = `
SELECT u.id, u.display_name AS name FROM users u
 WHERE u.clinic_id = $1 AND u.role = 'therapist'
   AND (u.status = 'active' OR EXISTS (SELECT 1 FROM couple_therapists ct
                                       WHERE ct.clinic_id = u.clinic_id
                                         AND ct.therapist_user_id = u.id))
 ORDER BY u.display_name, u.id`;

/** The couples behind `UNRESOLVED_ALERTS_SQL`'s counts, by kind (the dashboard links to them). */
export const UNRESOLVED_ALERT_COUPLES_SQL = `
WITH ${BOUNDS}
SELECT al.kind::text AS kind, count(*)::int AS alerts,
       array_agg(DISTINCT al.couple_id::text) AS couple_ids
  FROM alerts al CROSS JOIN bounds b
 WHERE al.clinic_id = $1 AND al.created_at < b.to_at
   AND (al.resolved_at IS NULL OR al.resolved_at >= b.to_at)
 GROUP BY al.kind ORDER BY al.kind`;
