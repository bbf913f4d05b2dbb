export const SUPPORTED_LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'es', name: 'Español' },
] as const;

export type MendLocale = (typeof SUPPORTED_LOCALES)[number]['locale'];

export const LOCALE_STORAGE_KEY = 'mend.locale';

export function isMendLocale(value: unknown): value is MendLocale {
  return SUPPORTED_LOCALES.some(({ locale }) => locale === value);
}

export function readStoredLocale(): MendLocale | null {
  const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
  return isMendLocale(stored) ? stored : null;
}

export function storeLocale(locale: MendLocale): void {
  window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
}

/** A remembered choice wins; otherwise follow the browser, since most people never pick one. */
export function resolveInitialLocale(): MendLocale {
  const stored = readStoredLocale();
  if (stored !== null) {
    return stored;
  }
  const preferred = window.navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase());
  return preferred.find(isMendLocale) ?? 'en';
}
