// Text from a note (titles, authors, bodies, file names) made inert for a
// terminal: no control character reaches it, so no escape sequence can
// move the cursor, erase a line, recolour it, set the clipboard (OSC 52) or
// hide a link (OSC 8); bidirectional overrides and invisible characters are
// shown escaped, so a line reads as it is stored.

/** C0 (but tab and line feed), DEL, C1, and the characters that reorder or hide text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text safe to print: each unsafe character written as `\uXXXX`. Inside a
 * JSON string that is the same character, so JSON output stays what it was.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
