// The calendar export checked against RFC 5545's rules, not against itself.
import * as assert from 'node:assert/strict';
import { escapeIcsText, foldIcsLine, sessionsToIcs, sessionUid } from '../../../../src/core/goals/ics';
import { parseNote } from '../../../../src/core/notes/parseNote';
import type { Note } from '../../../../src/core/model';

const session = (file: string, front: string, body = '## Agenda\n\nIntro; then hands-on, with pizza.\n'): Note =>
  parseNote(`.learnings/notes/${file}`, `---\nkind: session\n${front}---\n${body}`).note!;

const lunch = session('2027-01-20-owasp-lunch.md', 'title: OWASP top 10, part 1; with \\ backslash\ndate: 2027-02-03\nhost: Aisha Khan\ntopics: [security]\n');
const long = session('2027-01-21-long.md', `title: ${'Ångström ✓ '.repeat(12).trim()}\ndate: 2027-01-15\n`, `${'ü'.repeat(100)}\n`);
const undated = session('2027-01-22-someday.md', 'title: Someday\n');

/** Unfolds per RFC 5545 section 3.1: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('sessions as iCalendar (RFC 5545)', () => {
  const ics = sessionsToIcs([lunch, long, undated], { stamp: '2027-01-10', name: 'Team Learnings' });

  it('every line ends in CRLF, and no bare LF or CR is left', () => {
    assert.ok(ics.endsWith('\r\n'));
    assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false);
    assert.equal(ics.replace(/\r\n/g, '').includes('\r'), false);
    assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  });

  it('no line is longer than 75 octets; folding never splits a UTF-8 character, and unfolds to the original', () => {
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
    assert.ok(ics.split('\r\n').some((l) => l.startsWith(' ')), 'the long title was folded');
    assert.ok(!ics.includes('\ufffd'));
    const summary = unfold(ics).split('\r\n').find((l) => l.startsWith('SUMMARY:Ångström'));
    assert.equal(summary, `SUMMARY:${'Ångström ✓ '.repeat(12).trim()}`);
    const folded = foldIcsLine(`DESCRIPTION:${'€'.repeat(40)}`);
    assert.equal(folded.split('\r\n')[0], `DESCRIPTION:${'€'.repeat(21)}`, '12 + 21 * 3 = 75 octets');
    assert.equal(folded.replace(/\r\n /g, ''), `DESCRIPTION:${'€'.repeat(40)}`);
  });

  it('escapes backslash, semicolon, comma and new lines in TEXT values', () => {
    assert.equal(escapeIcsText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    const lines = unfold(ics).split('\r\n');
    assert.ok(lines.includes('SUMMARY:OWASP top 10\\, part 1\\; with \\\\ backslash'), lines.join('\n'));
    assert.ok(lines.includes('DESCRIPTION:Host: Aisha Khan\\nIntro\\; then hands-on\\, with pizza.'), 'the host and the first lines, headings left out');
  });

  it('all-day events on their date: DTSTART;VALUE=DATE and the day after as DTEND, a DTSTAMP, stable UIDs from the file name', () => {
    const events = unfold(ics).split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 2, 'the session without a date has no day to be on');
    assert.match(events[0], /\r\nDTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270116\r\n/, 'by date');
    assert.match(events[1], /\r\nUID:2027-01-20-owasp-lunch@team-learnings\r\nDTSTAMP:20270110T000000Z\r\nDTSTART;VALUE=DATE:20270203\r\nDTEND;VALUE=DATE:20270204\r\n/);
    assert.equal(sessionUid(lunch), '2027-01-20-owasp-lunch@team-learnings');
    assert.equal(sessionsToIcs([lunch], { stamp: '2027-01-10' }), sessionsToIcs([lunch], { stamp: '2027-01-10' }), 'the same sessions give the same file');
    assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, (ics.match(/END:VEVENT/g) ?? []).length);
  });
});
