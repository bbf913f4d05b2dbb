import { flushBeforeLogout, registerFlushBeforeLogout } from './flush-before-logout';

describe('flushBeforeLogout', () => {
  it('waits for every registered save, including one that fails', async () => {
    const finished: string[] = [];
    const unregister = [
      registerFlushBeforeLogout(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished.push('draft');
      }),
      registerFlushBeforeLogout(() => Promise.reject(new Error('offline'))),
    ];
    await flushBeforeLogout();
    expect(finished).toEqual(['draft']);
    unregister.forEach((done) => done());
  });

  it('gives up on a save that hangs once the limit has passed', async () => {
    const unregister = registerFlushBeforeLogout(() => new Promise(() => undefined));
    let patience: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      flushBeforeLogout(10).then(() => 'signed out'),
      new Promise((resolve) => {
        patience = setTimeout(() => resolve('still waiting'), 2_000);
      }),
    ]);
    clearTimeout(patience);
    expect(outcome).toBe('signed out');
    unregister();
  });

  it('forgets a save once its screen unregisters it', async () => {
    const save = jest.fn(() => Promise.resolve());
    registerFlushBeforeLogout(save)();
    await flushBeforeLogout();
    expect(save).not.toHaveBeenCalled();
  });
});
