// Line splitting and the two normal forms anchors are compared in. Snippets
// and files come from any editor and OS, so CR and trailing blanks never
// decide whether code is the same.

/**
 * Splits text into lines without their line ends (`\n` or `\r\n`). A final
 * line end does not start a new line, so `"a\n"` and `"a"` are both `["a"]`;
 * empty text has no lines.
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** The form in which a line must be unchanged for the anchor to be fresh. */
export function exactKey(line: string): string {
  return line.trimEnd();
}

/** The form that survives a re-indent or re-wrapped spacing. */
export function blankKey(line: string): string {
  const trimmed = line.trim();
  // Most lines have no run of blanks inside: skip the regex for them.
  return /\s\s|[\t\v\f\r\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}
