/**
 * SQL for a row's title in the reader's language: the translation's title when the row (an
 * exercise version or a program, under `alias`) has one for the locale in `localeParam`,
 * otherwise the title as written. For queries that show or search titles without loading the
 * whole definition.
 */
export function localizedTitleSql(alias: string, localeParam: string): string {
  return `COALESCE(${alias}.translations -> ${localeParam}::text ->> 'title', ${alias}.title)`;
}

/**
 * SQL for the translated titles of a row under `alias` as `{ locale: title }`, for queries
 * that take no locale parameter; pick one with `titleIn`.
 */
export function translatedTitlesSql(alias: string): string {
  return `(SELECT jsonb_object_agg(t.locale, t.text ->> 'title')
             FROM jsonb_each(${alias}.translations) AS t(locale, text))`;
}

/** `titles` as selected by translatedTitlesSql (null when there are none). */
export function titleIn(
  title: string,
  titles: Readonly<Record<string, string>> | null,
  locale: string,
): string {
  return titles?.[locale] ?? title;
}
