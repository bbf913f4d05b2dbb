import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first defined value', async () => {
    let calls = 0;
    const value = await waitFor('the third call', async () => {
      calls += 1;
      return calls === 3 ? 'ready' : undefined;
    });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('fails naming what it waited for', async () => {
    await expect(waitFor('a value that never comes', async () => undefined, 100)).rejects.toThrow(
      'timed out waiting for a value that never comes',
    );
  });
});
