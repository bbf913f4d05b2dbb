import type { StoredAnswers } from '@mend/server-db';
import { answersFor, type Reader } from './answer-visibility';

const answers: StoredAnswers = {
  private: { value: 'only for the therapist', visibility: 'therapist' },
  shared: { value: 7, visibility: 'partner' },
  later: { value: ['a', 'b'], visibility: 'reveal_after_both' },
};

const reader = (kind: Reader['kind'], more: Partial<Reader> = {}): Reader => ({
  kind,
  submittedOwn: false,
  adminReadsPrivate: false,
  ...more,
});

describe('answersFor', () => {
  it('shows the author and the therapist everything', () => {
    for (const kind of ['author', 'therapist'] as const) {
      const shown = answersFor(reader(kind), answers);
      expect(Object.keys(shown.answers).sort()).toEqual(['later', 'private', 'shared']);
      expect(shown.privateRead).toBe(false);
    }
  });

  it('leaves therapist-only answers out for the partner, and holds back reveal-after-both', () => {
    expect(answersFor(reader('partner'), answers).answers).toEqual({
      shared: { value: 7, visibility: 'partner' },
    });
    expect(answersFor(reader('partner', { submittedOwn: true }), answers).answers).toEqual({
      shared: { value: 7, visibility: 'partner' },
      later: { value: ['a', 'b'], visibility: 'reveal_after_both' },
    });
  });

  it('withholds therapist-only values from admins unless the clinic grants it', () => {
    const withheld = answersFor(reader('admin'), answers);
    expect(withheld.answers.private).toEqual({ withheld: true, visibility: 'therapist' });
    expect(JSON.stringify(withheld)).not.toContain('only for the therapist');
    expect(withheld.privateRead).toBe(false);
    const granted = answersFor(reader('admin', { adminReadsPrivate: true }), answers);
    expect(granted.answers.private).toEqual({
      value: 'only for the therapist',
      visibility: 'therapist',
    });
    expect(granted.privateRead).toBe(true);
  });
});
