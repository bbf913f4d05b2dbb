import { WARNING_LEAD_MS, REPORT_EVERY_MS, idleState, reportIsDue } from './idle-policy';

const MINUTE = 60_000;
const limit = 30 * MINUTE;
const activeAt = 1_000_000;

describe('idleState', () => {
  it('stays quiet until a minute before the limit', () => {
    expect(idleState(activeAt + limit - WARNING_LEAD_MS - 1, activeAt, limit)).toEqual({
      kind: 'active',
    });
  });

  it('counts down the last minute in whole seconds, rounding up', () => {
    expect(idleState(activeAt + limit - WARNING_LEAD_MS, activeAt, limit)).toEqual({
      kind: 'warning',
      secondsLeft: 60,
    });
    expect(idleState(activeAt + limit - 1_500, activeAt, limit)).toEqual({
      kind: 'warning',
      secondsLeft: 2,
    });
  });

  it('ends the session at the limit, and long after it', () => {
    expect(idleState(activeAt + limit, activeAt, limit)).toEqual({ kind: 'expired' });
    expect(idleState(activeAt + 10 * limit, activeAt, limit)).toEqual({ kind: 'expired' });
  });
});

describe('reportIsDue', () => {
  it('reports use the API has not heard of, at most once per period', () => {
    const reportedAt = activeAt - 1;
    expect(reportIsDue(reportedAt + REPORT_EVERY_MS - 1, activeAt, reportedAt)).toBe(false);
    expect(reportIsDue(reportedAt + REPORT_EVERY_MS, activeAt, reportedAt)).toBe(true);
  });

  it('sends nothing when there was no use since the last report', () => {
    expect(reportIsDue(activeAt + 10 * REPORT_EVERY_MS, activeAt, activeAt)).toBe(false);
  });
});
