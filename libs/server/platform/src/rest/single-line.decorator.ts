import { Matches } from 'class-validator';
import { ONE_LINE_TEXT } from '@mend/shared-contracts';

/**
 * A name shown on one line (a clinic, a person, a couple, a title): a CR or LF in it breaks
 * email subjects and headers, lists and exported files, so it is refused rather than stored.
 */
export function SingleLine(): PropertyDecorator {
  return Matches(ONE_LINE_TEXT, {
    message: ({ property }) => `${property} must be on one line, without control characters`,
  });
}
