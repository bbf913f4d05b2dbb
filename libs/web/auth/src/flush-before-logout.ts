/** Work that must reach the server while the session still exists, e.g. a draft's last words. */
export type PendingSave = () => Promise<unknown>;

/** Long enough for a save on a slow phone connection; short enough that signing out feels instant. */
export const FLUSH_LIMIT_MS = 3000;

const pendingSaves = new Set<PendingSave>();

/**
 * Signing out clears the tokens and every local copy; anything registered here is sent first.
 * Returns the function that unregisters it (call it when the screen that owns the work goes away).
 */
export function registerFlushBeforeLogout(save: PendingSave): () => void {
  pendingSaves.add(save);
  return () => {
    pendingSaves.delete(save);
  };
}

/**
 * Runs every registered save and waits for them, but never longer than the limit: a dead
 * connection must not keep someone on a shared phone from signing out.
 */
export async function flushBeforeLogout(limitMs: number = FLUSH_LIMIT_MS): Promise<void> {
  if (pendingSaves.size === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
  });
  const saves = Promise.allSettled([...pendingSaves].map((save) => Promise.resolve().then(save)));
  await Promise.race([saves, limit]);
  clearTimeout(timer);
}
