/**
 * Text that stays on one line: no control character (CR and LF among them), no DEL, no Unicode
 * line or paragraph separator. Names and titles are refused rather than stored otherwise, since
 * a line break in them splits email subjects and headers, lists and exported files.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it must find
export const ONE_LINE_TEXT = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;
