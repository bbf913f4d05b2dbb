import { JOBS, JOB_NAMES, QUEUE_NAMES, isJobName } from './job-registry';

describe('job registry', () => {
  it('places every job on a known queue', () => {
    for (const name of JOB_NAMES) {
      expect(QUEUE_NAMES).toContain(JOBS[name].queue);
    }
  });

  it('names jobs as <area>.<action> so logs and dashboards group them', () => {
    for (const name of JOB_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z-]*$/);
    }
  });

  it('recognises registered names and rejects others', () => {
    expect(isJobName('system.heartbeat')).toBe(true);
    expect(isJobName('toString')).toBe(false);
    expect(isJobName('system.unknown')).toBe(false);
  });
});
