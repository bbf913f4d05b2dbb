/** Where a couple is in its work with the clinic. */
export const COUPLE_STATUSES = ['invited', 'active', 'paused', 'closed'] as const;
export type CoupleStatus = (typeof COUPLE_STATUSES)[number];

/** Partner A and partner B of a couple; a stable seat, not a judgement. */
export const PARTNER_SEATS = ['a', 'b'] as const;
export type PartnerSeat = (typeof PARTNER_SEATS)[number];

/** Library exercises are read-only (clinics copy them); clinic exercises are theirs to edit. */
export const EXERCISE_SOURCES = ['library', 'clinic'] as const;
export type ExerciseSource = (typeof EXERCISE_SOURCES)[number];

export const ASSIGNMENT_STATUSES = ['active', 'paused', 'ended'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const OCCURRENCE_STATUSES = ['open', 'completed', 'missed', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** A draft is the partner's own until submitted; joint answers wait for the other partner. */
export const RESPONSE_STATUSES = ['draft', 'awaiting_confirmation', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const PROMISE_STATUSES = ['open', 'kept', 'partly', 'not_kept'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const ALERT_KINDS = [
  'missed_streak',
  'asymmetry',
  'safety',
  'measure_deterioration',
  'measure_gap',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_SEVERITIES = ['normal', 'urgent'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
