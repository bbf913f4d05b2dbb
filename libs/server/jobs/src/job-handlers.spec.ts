import { JobHandlerError, matchHandlers, type FoundHandler } from './job-handlers';

const handler = (jobName: string, owner: string): FoundHandler => ({
  jobName,
  owner,
  run: async () => undefined,
});

const HEARTBEAT_ONLY = ['system.heartbeat'] as const;

describe('matchHandlers', () => {
  it('by default requires a handler for every job in the registry', () => {
    expect(() => matchHandlers([handler('system.heartbeat', 'HeartbeatJob.beat')])).toThrow(
      'job "occurrences.sweep" has no handler',
    );
  });

  it('pairs each registered job with its handler', () => {
    const matched = matchHandlers(
      [handler('system.heartbeat', 'HeartbeatJob.beat')],
      HEARTBEAT_ONLY,
    );
    expect(matched.get('system.heartbeat')?.owner).toBe('HeartbeatJob.beat');
  });

  it('refuses a registered job without a handler', () => {
    expect(() => matchHandlers([])).toThrow(JobHandlerError);
    expect(() => matchHandlers([], HEARTBEAT_ONLY)).toThrow(JobHandlerError);
    expect(() => matchHandlers([])).toThrow('job "system.heartbeat" has no handler');
  });

  it('refuses a job with two handlers, naming both', () => {
    expect(() =>
      matchHandlers(
        [handler('system.heartbeat', 'A.run'), handler('system.heartbeat', 'B.run')],
        HEARTBEAT_ONLY,
      ),
    ).toThrow('job "system.heartbeat" has two handlers: A.run and B.run');
  });

  it('refuses a handler for a job that is not registered', () => {
    expect(() =>
      matchHandlers(
        [handler('system.heartbeat', 'A.run'), handler('system.ghost', 'G.run')],
        HEARTBEAT_ONLY,
      ),
    ).toThrow('G.run handles "system.ghost", which is not a registered job');
  });
});
