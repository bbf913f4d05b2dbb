import { Matches } from 'class-validator';

/**
 * Only characters that stay on one line: no control character (CR and LF among them), no DEL,
 * no Unicode line or paragraph separator.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it must find
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

/**
 * A name shown on one line (a clinic, a person, a couple, a title): a CR or LF in it breaks
 * email subjects and headers, lists and exported files, so it is refused rather than stored.
 */
export function SingleLine(): PropertyDecorator {
  return Matches(ONE_LINE, {
    message: ({ property }) => `${property} must be on one line, without control characters`,
  });
}
