import type { StoredAnswers } from '@mend/server-db';
import type { AnswerValue, Visibility } from '@mend/shared-exercises';

/** How the reader stands to a response. */
export type ReaderKind = 'author' | 'partner' | 'therapist' | 'admin';

export interface Reader {
  kind: ReaderKind;
  /** For a partner: whether they have submitted their own answer to the same occurrence. */
  submittedOwn: boolean;
  /** For an admin: the clinic lets admins read therapist-only answers (and audits it). */
  adminReadsPrivate: boolean;
}

export type ShownAnswer =
  { value: AnswerValue; visibility: Visibility } | { withheld: true; visibility: 'therapist' };

/**
 * The answers of one response as one reader may see them:
 * - the author sees everything they wrote;
 * - the other partner sees 'partner' answers, 'reveal_after_both' answers once they have
 *   submitted their own, and never 'therapist' answers, which are left out entirely (not
 *   replaced, not counted), so nothing tells them an answer was there;
 * - a therapist of the couple sees every answer;
 * - an admin sees 'therapist' answers only when the clinic grants it, otherwise a
 *   `{ withheld: true }` placeholder in place of the value.
 * `privateRead` says a therapist-only value was shown to an admin (the caller audits it).
 */
export function answersFor(
  reader: Reader,
  answers: StoredAnswers,
): { answers: Record<string, ShownAnswer>; privateRead: boolean } {
  const shown: Record<string, ShownAnswer> = {};
  let privateRead = false;
  for (const [promptId, answer] of Object.entries(answers)) {
    switch (reader.kind) {
      case 'author':
      case 'therapist':
        shown[promptId] = { value: answer.value, visibility: answer.visibility };
        break;
      case 'partner':
        if (
          answer.visibility === 'partner' ||
          (answer.visibility === 'reveal_after_both' && reader.submittedOwn)
        ) {
          shown[promptId] = { value: answer.value, visibility: answer.visibility };
        }
        break;
      case 'admin':
        if (answer.visibility !== 'therapist') {
          shown[promptId] = { value: answer.value, visibility: answer.visibility };
        } else if (reader.adminReadsPrivate) {
          shown[promptId] = { value: answer.value, visibility: answer.visibility };
          privateRead = true;
        } else {
          shown[promptId] = { withheld: true, visibility: 'therapist' };
        }
        break;
    }
  }
  return { answers: shown, privateRead };
}
