import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type LazyComponent<Props extends object> = LazyExoticComponent<ComponentType<Props>> & {
  /** Starts the download now, before anything renders it (e.g. the signed-in role's home). */
  preload(): void;
};

/**
 * A component that downloads on first render (React.lazy for a named export). Areas wire their
 * pages through it so a partner's browser never fetches the therapist's or the admin's screens;
 * the layout's Suspense boundary shows react-admin's loading screen while a page's chunk arrives.
 */
export function lazyExport<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyComponent<Props> {
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const loadOnce = () => (loading ??= load().then((module) => ({ default: module[name] })));
  return Object.assign(lazy(loadOnce), {
    preload: () => {
      // A failed early download is not an error yet: rendering retries and shows the failure.
      loadOnce().catch(() => (loading = undefined));
    },
  });
}
