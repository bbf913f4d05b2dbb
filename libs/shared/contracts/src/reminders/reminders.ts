/**
 * What the reminders queue delivers: nudges to partners about one occurrence, and messages to
 * therapists (a daily digest, an escalation per missed-streak alert), and word that a message
 * waits in a thread (never its text). Each kind is also an in-app notification.
 */
export const DELIVERY_KINDS = ['due_soon', 'overdue', 'digest', 'escalation', 'message'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** In-app notifications: every delivery kind, and a report the user asked for being ready. */
export const NOTIFICATION_KINDS = [...DELIVERY_KINDS, 'report_ready'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * planned → sending → sent | failed; `skipped` when, at send time, the delivery no longer
 * applies (the partner answered, the couple paused, …).
 */
export const DELIVERY_STATUSES = ['planned', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const REMINDER_LOCALES = ['en', 'es'] as const;
export type ReminderLocale = (typeof REMINDER_LOCALES)[number];
