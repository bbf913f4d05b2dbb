export interface TimeZoneChoice {
  id: string;
  name: string;
}

/** "GMT+1", "GMT-5", "GMT" for a zone at this moment. */
function offsetOf(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(now)
    .find((part) => part.type === 'timeZoneName');
  return parts?.value ?? '';
}

let cached: TimeZoneChoice[] | undefined;

/**
 * Every IANA zone the browser knows, as "Europe/Madrid (GMT+1)" so a search by city or by offset
 * both find it. `current` is added when the browser's list lacks it (e.g. "UTC" in some builds),
 * so a saved value always shows.
 */
export function timeZoneChoices(current: string | undefined): TimeZoneChoice[] {
  if (cached === undefined) {
    const now = new Date();
    cached = Intl.supportedValuesOf('timeZone').map((zone) => ({
      id: zone,
      name: `${zone.replace(/_/g, ' ')} (${offsetOf(zone, now)})`,
    }));
  }
  if (current === undefined || cached.some((choice) => choice.id === current)) return cached;
  return [{ id: current, name: current }, ...cached];
}
