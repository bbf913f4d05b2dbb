import type { DataSource } from 'typeorm';
import { asClinic, withLibrary } from './factories';

/**
 * SQL factories for reminder tests: assignments, occurrences, responses and alerts written
 * straight into the clinical tables (the couples, assignments and responses services are built
 * elsewhere), plus a person's reminder preferences.
 */
export interface ReminderPolicyInput {
  dueSoon:
    | { kind: 'at_local_time'; time: string }
    | { kind: 'before_due'; minutes: number }
    | { kind: 'none' };
  overdueAfterMinutes: number | null;
}

const versionByClinic = new Map<string, Promise<string>>();

/** The id of some exercise version of the clinic, installing the library the first time. */
export function anyExerciseVersion(owner: DataSource, clinicId: string): Promise<string> {
  let version = versionByClinic.get(clinicId);
  if (!version) {
    version = withLibrary(owner, clinicId).then((library) => {
      const first = [...library.exercises.values()][0];
      if (!first) throw new Error('the exercise library is empty');
      return first.versionId;
    });
    versionByClinic.set(clinicId, version);
  }
  return version;
}

export async function newAssignment(
  owner: DataSource,
  clinicId: string,
  coupleId: string,
  options: {
    mode?: 'each' | 'joint' | 'one';
    assigneeUserId?: string;
    policy?: ReminderPolicyInput;
    status?: 'active' | 'paused' | 'ended';
  } = {},
): Promise<string> {
  const versionId = await anyExerciseVersion(owner, clinicId);
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO assignments (clinic_id, couple_id, exercise_version_id, completion_mode,
                              assignee_user_id, schedule, reminder_policy, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      clinicId,
      coupleId,
      versionId,
      options.mode ?? 'each',
      options.assigneeUserId ?? null,
      { startDate: '2026-01-01', dueTime: '20:00', recurrence: { kind: 'daily' } },
      options.policy ?? {
        dueSoon: { kind: 'before_due', minutes: 120 },
        overdueAfterMinutes: 60,
      },
      options.status ?? 'active',
    ],
  );
  if (!row) throw new Error('no assignment inserted');
  return row.id;
}

export async function newOccurrence(
  owner: DataSource,
  clinicId: string,
  assignmentId: string,
  coupleId: string,
  dueAt: Date,
  options: { status?: 'open' | 'completed' | 'missed' | 'cancelled'; localDate?: string } = {},
): Promise<string> {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at, status)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      clinicId,
      assignmentId,
      coupleId,
      options.localDate ?? dueAt.toISOString().slice(0, 10),
      dueAt,
      options.status ?? 'open',
    ],
  );
  if (!row) throw new Error('no occurrence inserted');
  return row.id;
}

export async function setPreferences(
  owner: DataSource,
  clinicId: string,
  userId: string,
  preferences: {
    timeZone?: string;
    locale?: 'en' | 'es';
    reminderTime?: string | null;
    quietHoursStart?: string | null;
    quietHoursEnd?: string | null;
    emailReminders?: boolean;
  },
): Promise<void> {
  const columns: Record<string, string> = {
    timeZone: 'time_zone',
    locale: 'locale',
    reminderTime: 'reminder_time',
    quietHoursStart: 'quiet_hours_start',
    quietHoursEnd: 'quiet_hours_end',
    emailReminders: 'email_reminders',
  };
  const entries = Object.entries(preferences).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  const sets = entries.map(([key], index) => `${columns[key]} = $${index + 3}`).join(', ');
  await asClinic(owner, clinicId, `UPDATE users SET ${sets} WHERE clinic_id = $1 AND id = $2`, [
    clinicId,
    userId,
    ...entries.map(([, value]) => value),
  ]);
}

export async function newResponse(
  owner: DataSource,
  clinicId: string,
  occurrenceId: string,
  coupleId: string,
  authorUserId: string,
  status: 'draft' | 'awaiting_confirmation' | 'submitted' = 'submitted',
  submittedAt: Date | null = status === 'draft' ? null : new Date(),
): Promise<void> {
  await asClinic(
    owner,
    clinicId,
    `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status,
                            submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [clinicId, occurrenceId, coupleId, authorUserId, status, submittedAt],
  );
}

export async function newMissedStreakAlert(
  owner: DataSource,
  clinicId: string,
  coupleId: string,
  subjectUserId: string,
  missedInARow = 3,
): Promise<string> {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO alerts (clinic_id, couple_id, kind, subject_user_id, dedupe_key, detail)
     VALUES ($1, $2, 'missed_streak', $3, $4, $5) RETURNING id`,
    [
      clinicId,
      coupleId,
      subjectUserId,
      `missed_streak:${subjectUserId}`,
      { missedInARow, threshold: 3 },
    ],
  );
  if (!row) throw new Error('no alert inserted');
  return row.id;
}

export async function updateRow(
  owner: DataSource,
  clinicId: string,
  table: 'couples' | 'assignments' | 'occurrences' | 'clinics',
  id: string,
  changes: Record<string, unknown>,
): Promise<void> {
  const entries = Object.entries(changes);
  const sets = entries.map(([column], index) => `${column} = $${index + 2}`).join(', ');
  const key = table === 'clinics' ? 'id' : 'clinic_id = $1 AND id';
  const idParam = table === 'clinics' ? '$1' : `$${entries.length + 2}`;
  await asClinic(
    owner,
    clinicId,
    `UPDATE ${table} SET ${sets} WHERE ${key} = ${idParam}`,
    table === 'clinics'
      ? [clinicId, ...entries.map(([, value]) => value)]
      : [clinicId, ...entries.map(([, value]) => value), id],
  );
}
