import type { ThreadRecord } from './messages-api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A thread's name for its reader: partners see "with your partner and therapist" or "just you
 * and your therapist"; therapists see whose private thread it is.
 */
export function threadTitle(
  thread: Pick<ThreadRecord, 'kind' | 'partnerName'>,
  staff: boolean,
  translate: Translate,
): string {
  if (thread.kind === 'couple') return translate('mend.messages.couple_thread');
  return staff
    ? translate('mend.messages.private_with', { name: thread.partnerName ?? '' })
    : translate('mend.messages.private_thread');
}
