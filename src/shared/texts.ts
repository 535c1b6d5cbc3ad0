/**
 * The French texts FranceConnect's qualification checks letter for letter (docs/qualification.md#texts).
 * Apostrophes are the typographic U+2019; the space before "?" is a no-break space.
 * One constant each, so that a page bundling only the button carries only its texts.
 */
export const LOGIN = 'S’identifier avec';
export const DATA = 'Récupérer ses données avec';
export const BRAND = 'FranceConnect';
export const BRAND_PLUS = 'FranceConnect+';
export const SENTENCE =
  'FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.';
// The official FC+ sentence has that comma (docs/qualification.md#texts).
export const SENTENCE_PLUS =
  'FranceConnect+ est la solution proposée par l’État, pour renforcer la sécurité de vos services en ligne les plus sensibles.';
export const INFO_LINK = 'Qu’est-ce que FranceConnect\u00a0?';
export const INFO_LINK_PLUS = 'Qu’est-ce que FranceConnect+\u00a0?';
export const NEW_WINDOW = 'nouvelle fenêtre';
export const SEPARATOR = 'ou';

/** All the texts, for pages and tests that check them. */
export const TEXTS = {
  login: LOGIN,
  data: DATA,
  brand: BRAND,
  brandPlus: BRAND_PLUS,
  sentence: SENTENCE,
  sentencePlus: SENTENCE_PLUS,
  infoLink: INFO_LINK,
  infoLinkPlus: INFO_LINK_PLUS,
  newWindow: NEW_WINDOW,
  separator: SEPARATOR,
} as const;

export const INFO_URL = 'https://franceconnect.gouv.fr/';
export const INFO_URL_PLUS = 'https://franceconnect.gouv.fr/france-connect-plus';
