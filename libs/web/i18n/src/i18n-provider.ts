import deepmerge from '@mui/utils/deepmerge';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';

import {
  type MendLocale,
  SUPPORTED_LOCALES,
  isMendLocale,
  resolveInitialLocale,
  storeLocale,
} from './locale-store';
import { mendMessagesEn } from './mend-messages.en';
import { mendMessagesEs } from './mend-messages.es';
import { raMessagesEs } from './ra-messages.es';

const english: TranslationMessages = { ...englishMessages, ...mendMessagesEn };

/*
 * Spanish is layered over the full English catalogue, so a react-admin string we have not
 * translated yet reads in English rather than as a raw key like "ra.action.export".
 */
const spanish: TranslationMessages = deepmerge(english, { ra: raMessagesEs, ...mendMessagesEs });

const catalogues: Record<MendLocale, TranslationMessages> = { en: english, es: spanish };

/** An area's own wording (kept in its library), merged over the shared catalogue. */
export type MessageBundle = Record<MendLocale, object>;

function applyDocumentLanguage(locale: MendLocale): void {
  // Screen readers pick their voice from <html lang>.
  document.documentElement.lang = locale;
}

/** `extras`: an area's own catalogues (kept in its library), layered over the shared ones. */
export function createI18nProvider(extras: readonly MessageBundle[] = []): I18nProvider {
  const initialLocale = resolveInitialLocale();
  applyDocumentLanguage(initialLocale);
  const withExtras = (locale: MendLocale): TranslationMessages =>
    extras.reduce((all, extra) => deepmerge(all, extra[locale]), catalogues[locale]);
  const merged: Record<MendLocale, TranslationMessages> = {
    en: withExtras('en'),
    es: withExtras('es'),
  };
  const polyglot = polyglotI18nProvider(
    (locale) => merged[isMendLocale(locale) ? locale : 'en'],
    initialLocale,
    [...SUPPORTED_LOCALES],
    // Keys missing from every catalogue show as themselves instead of spamming console warnings.
    { allowMissing: true },
  );
  return {
    ...polyglot,
    changeLocale: async (locale: string, options?: unknown) => {
      await polyglot.changeLocale(locale, options);
      if (isMendLocale(locale)) {
        storeLocale(locale);
        applyDocumentLanguage(locale);
      }
    },
  };
}
