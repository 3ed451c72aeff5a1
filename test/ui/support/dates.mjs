// Date arithmetic on `YYYY-MM-DD` strings, as src/core/dates.ts does it.
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
