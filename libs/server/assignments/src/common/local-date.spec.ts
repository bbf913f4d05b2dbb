import { addDays, todayIn } from './local-date';

describe('local dates', () => {
  it('reads today on the clocks of a zone', () => {
    const instant = new Date('2026-11-01T03:30:00Z');
    expect(todayIn('America/New_York', instant)).toBe('2026-10-31');
    expect(todayIn('Europe/Madrid', instant)).toBe('2026-11-01');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-10-30', 3)).toBe('2026-11-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
