// Light stemmers: a word's forms meet at one stem ("idempotent",
// "idempotently", "idempotency" -> "idempot"; "åtgärd", "åtgärder",
// "åtgärderna" -> "atgard"). Light on purpose: they only strip common
// endings, never rewrite a stem, so a wrong guess costs a little recall
// ranking, not a wrong word. They take folded words (see textFold).

/** A stem never gets shorter than this: "event" must not become "ev". */
const MIN_STEM = 3;

// Longest first within each group, so "ently" wins over "ly".
const ENGLISH: Array<[suffix: string, replacement: string, minStem?: number]> = [
  ['ically', 'ic'],
  ['ations', ''],
  ['ation', ''],
  ['encies', ''],
  ['ancies', ''],
  ['ently', ''],
  ['antly', ''],
  ['ences', ''],
  ['ances', ''],
  ['nesses', ''],
  ['ments', ''],
  ['ingly', ''],
  ['ating', '', 4],
  ['ated', '', 4],
  ['ates', '', 4],
  ['ency', ''],
  ['ancy', ''],
  ['ence', ''],
  ['ance', ''],
  ['ness', ''],
  ['ment', '', 4],
  ['ents', '', 4],
  ['ants', '', 4],
  ['ings', ''],
  ['edly', ''],
  ['ent', '', 4],
  ['ant', '', 4],
  ['ate', '', 4],
  ['ing', ''],
  ['ied', 'i'],
  ['ies', 'i'],
  ['ers', ''],
  ['ed', ''],
  ['er', '', 4],
  ['ly', ''],
];

/** English: plurals, -ing, -ed, -ly, -ency/-ent, -ation and the like. */
export function stemEnglish(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  let stem = word;
  let stripped = '';
  for (const [suffix, replacement, min = MIN_STEM] of ENGLISH) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= min) {
      stem = stem.slice(0, -suffix.length) + replacement;
      stripped = suffix;
      break;
    }
  }
  if (!stripped) {
    if (/(?:s|x|z|ch|sh)es$/.test(stem) && stem.length - 2 >= MIN_STEM) stem = stem.slice(0, -2);
    else if (stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem) && stem.length - 1 >= MIN_STEM) stem = stem.slice(0, -1);
  }
  // "mapped", "mapping" -> "map"; "retry", "retries" -> "retri"; "cache", "caching" -> "cach".
  if ((stripped === 'ing' || stripped === 'ed') && /([b-df-hj-kmnp-rtv-y])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('y') && stem.length > MIN_STEM) stem = `${stem.slice(0, -1)}i`;
  else if (stem.endsWith('e') && stem.length > MIN_STEM + 1) stem = stem.slice(0, -1);
  return stem;
}

// Swedish, Norwegian (Bokmål) and Danish endings: definite forms, plurals,
// genitive -s, -het/-heten, participles. One list serves the three: they
// share most endings, and a team mixes them.
const NORDIC = [
  'heterna', 'hetene', 'erendes', 'hetens', 'erende', 'hedens',
  'heten', 'heter', 'heden', 'heder', 'arnas', 'ernas', 'ornas', 'endes', 'andes', 'erede', 'ernes',
  'arna', 'erna', 'erne', 'orna', 'ande', 'ende', 'aste', 'ares', 'enes', 'eres', 'ene', 'ane', 'ens', 'ets',
  'ere', 'ers', 'ert', 'het', 'ast', 'are', 'ade', 'ar', 'er', 'or', 'en', 'et', 'es', 'na', 'a', 'e',
];

/**
 * Stems of Scandinavian words keep four letters: shorter ones would meet
 * English words ("note" and "not").
 */
const MIN_NORDIC_STEM = 4;

/** Swedish, Norwegian and Danish, after folding ("åtgärderna" arrives as "atgarderna"). */
export function stemNordic(word: string): string {
  if (word.length <= MIN_NORDIC_STEM || /\d/.test(word)) return word;
  for (const suffix of NORDIC) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_NORDIC_STEM) return word.slice(0, -suffix.length);
  }
  if (word.endsWith('s') && !word.endsWith('ss') && word.length - 1 >= MIN_NORDIC_STEM) return word.slice(0, -1);
  return word;
}
