import type { ContentLocale } from '@mend/shared-exercises';

/**
 * Mend's wording of the notice every thread shows, until a clinic writes its own (the clinic
 * knows its emergency numbers; Mend does not).
 */
export const DEFAULT_MESSAGES_NOTICE: Record<ContentLocale, string> = {
  en: 'Messages are not monitored around the clock, and an answer can take a few days. In an emergency, call your local emergency number or go to the nearest emergency room.',
  es: 'Los mensajes no se vigilan a todas horas y la respuesta puede tardar unos días. En una emergencia, llama al número de emergencias de tu zona o acude a urgencias.',
};
