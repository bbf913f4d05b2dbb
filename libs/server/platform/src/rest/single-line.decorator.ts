import { Matches } from 'class-validator';

/** Control characters (CR and LF among them), DEL, and Unicode's line and paragraph separators. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * A name shown on one line (a clinic, a person, a couple, a title): a CR or LF in it breaks
 * email subjects and headers, lists and exported files, so it is refused rather than stored.
 */
export function SingleLine(): PropertyDecorator {
  return Matches(new RegExp(`^[^${NOT_ONE_LINE.source.slice(1, -1)}]*$`), {
    message: ({ property }) => `${property} must be on one line, without control characters`,
  });
}
