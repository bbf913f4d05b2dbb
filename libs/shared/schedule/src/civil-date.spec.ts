import { addDays, todayIn } from './civil-date';

describe('civil dates', () => {
  it('reads today on the clocks of a zone', () => {
    const instant = new Date('2026-11-01T03:30:00Z');
    expect(todayIn('America/New_York', instant)).toBe('2026-10-31');
    expect(todayIn('Europe/Madrid', instant)).toBe('2026-11-01');
  });

  it('reads the new year where it has already begun', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-12-31');
    expect(todayIn('Europe/Madrid', instant)).toBe('2027-01-01');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-10-30', 3)).toBe('2026-11-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
  });

  it('counts whole days over a daylight-saving change', () => {
    // Europe/Madrid moves its clocks on 29 March 2026; calendar days do not notice.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});
