import { slugSchema } from '@mend/shared-exercises';
import { firstFreeKey, keyFromTitle } from './exercise-key';

describe('exercise keys from titles', () => {
  it.each([
    ['Evening gratitude note', 'evening-gratitude-note'],
    ['Diálogo diario: ¿cómo estás?', 'dialogo-diario-como-estas'],
    ['  Listening -- without   fixing!  ', 'listening-without-fixing'],
    ['10 minutes of calm', 'exercise-10-minutes-of-calm'],
    ['???', 'exercise'],
  ])('%j → %s', (title, key) => {
    expect(keyFromTitle(title)).toBe(key);
  });

  it('always gives a key the template schema accepts, even for long titles', () => {
    const titles = ['a'.repeat(120), `${'word '.repeat(30)}`, '7'.repeat(100), 'Ünïcödé çafé'];
    for (const title of titles) {
      const key = firstFreeKey(keyFromTitle(title), new Set([keyFromTitle(title)]));
      expect(slugSchema.safeParse(key).success).toBe(true);
    }
  });

  it('adds the first free number when the key is taken', () => {
    expect(firstFreeKey('check-in', new Set())).toBe('check-in');
    expect(firstFreeKey('check-in', new Set(['check-in', 'check-in-2']))).toBe('check-in-3');
  });
});
