// Dates as `YYYY-MM-DD` text, and the clock every surface asks for the day.

import * as assert from 'node:assert/strict';
import { addDays, fixedClock, isIsoDate, momentOf, systemClock, today } from '../../../src/core/dates';

describe('dates', () => {
  it('isIsoDate takes real calendar days only', () => {
    for (const d of ['2026-11-23', '2024-02-29', '2000-02-29', '1999-12-31']) assert.equal(isIsoDate(d), true, d);
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-11-31', '2026-11-3', '26-11-23', '2026/11/23', ' 2026-11-23', '2026-11-23T00:00', '']) assert.equal(isIsoDate(d), false, d);
  });

  it('today is the local calendar day of the time it is given', () => {
    assert.equal(today(new Date(2026, 10, 23, 0, 0, 1)), '2026-11-23');
    assert.equal(today(new Date(2026, 10, 23, 23, 59, 59)), '2026-11-23');
    assert.equal(today(new Date(2027, 0, 5, 12)), '2027-01-05');
  });

  it('momentOf: a date of today reads as now, an earlier one as its local midnight, no date or a bad one as none', () => {
    const now = new Date(2026, 11, 2, 2, 55);
    assert.equal(momentOf('2026-12-02', '2026-12-02', now), now);
    assert.deepEqual(momentOf('2026-07-23', '2026-12-02', now), new Date(2026, 6, 23));
    assert.equal(momentOf(undefined, '2026-12-02', now), undefined);
    assert.equal(momentOf('2026-13-01', '2026-12-02', now), undefined);
  });

  it('addDays crosses months, years and leap days, both ways', () => {
    assert.equal(addDays('2026-11-23', 14), '2026-12-07');
    assert.equal(addDays('2026-12-25', 10), '2027-01-04');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-11-23', -29), '2026-10-25');
    assert.equal(addDays('2026-11-23', 0), '2026-11-23');
    assert.throws(() => addDays('23.11.2026', 1), /not a date: 23\.11\.2026/);
  });

  it('a fixed clock always gives its day; the system clock gives the calendar\'s', () => {
    const clock = fixedClock('2026-11-23');
    assert.equal(clock.today(), '2026-11-23');
    assert.equal(clock.today(), '2026-11-23');
    // The calendar may turn between the two reads: either side of it is the system clock's day.
    const before = today();
    const day = systemClock.today();
    assert.ok(day === before || day === today(), day);
  });
});
