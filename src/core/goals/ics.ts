// Learning sessions as an iCalendar file (RFC 5545) that Google Calendar,
// Outlook and Thunderbird import: one all-day VEVENT per dated session,
// CRLF line ends, content lines folded at 75 octets, TEXT values escaped.
// A pure function: the caller hands in the stamp (no clock read here).

import type { Note } from '../model';
import { addDays } from '../dates';

export interface IcsOptions {
  /** `YYYY-MM-DD`: written as each event's DTSTAMP (required by RFC 5545, section 3.6.1). */
  stamp: string;
  /** The calendar's name (X-WR-CALNAME), e.g. the repository's. */
  name?: string;
  /** Lines of each session's body in its DESCRIPTION. */
  descriptionLines?: number;
}

const CRLF = '\r\n';
/** RFC 5545 section 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const ICS_LINE_OCTETS = 75;

/** A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and line ends escaped; other control characters (not allowed in TEXT) dropped. */
export function escapeIcsText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- RFC 5545 TEXT excludes CTLs but tab; line ends are escaped below
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (RFC 5545 section 3.1): at most 75 octets a line,
 * each continuation starting with one space; never inside a UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    // The continuation's leading space counts toward its 75.
    if (size + n > ICS_LINE_OCTETS) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join(CRLF);
}

const basic = (date: string) => date.replace(/-/g, '');

/** The UID of a session's event: from its file name, so a second export updates the same events. */
export function sessionUid(note: Note): string {
  const file = note.path.slice(note.path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  return `${file}@team-learnings`;
}

/** The first lines of a session's body that say something (headings and blank lines left out). */
export function descriptionOf(note: Note, lines = 6): string {
  const text = note.body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^#{1,6}\s/.test(l))
    .slice(0, lines);
  return [...(note.host ? [`Host: ${note.host}`] : []), ...text].join('\n');
}

/** The calendar of every session with a `date`, by date; the others have no day to be on. */
export function sessionsToIcs(sessions: Iterable<Note>, options: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Team Learnings//Learning sessions//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeIcsText(options.name)}`);
  const dated = [...sessions].filter((n) => n.kind === 'session' && n.date).sort((a, b) => a.date!.localeCompare(b.date!) || a.path.localeCompare(b.path));
  for (const note of dated) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(sessionUid(note))}`,
      `DTSTAMP:${basic(options.stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${basic(note.date!)}`,
      `DTEND;VALUE=DATE:${basic(addDays(note.date!, 1))}`,
      `SUMMARY:${escapeIcsText(note.title)}`,
    );
    const description = descriptionOf(note, options.descriptionLines);
    if (description) lines.push(`DESCRIPTION:${escapeIcsText(description)}`);
    if (note.topics.length) lines.push(`CATEGORIES:${note.topics.map(escapeIcsText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
