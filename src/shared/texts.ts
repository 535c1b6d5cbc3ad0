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
// ProConnect's button page (proconnect-gouv/proconnect-espace-partenaires,
// src/pages/docs/fournisseur-service/bouton_proconnect.md): « ProConnect », one word.
export const BRAND_PRO = 'ProConnect';
export const INFO_LINK_PRO = 'Qu’est-ce que ProConnect\u00a0?';
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
  brandPro: BRAND_PRO,
  infoLinkPro: INFO_LINK_PRO,
  newWindow: NEW_WINDOW,
  separator: SEPARATOR,
} as const;

export const INFO_URL = 'https://franceconnect.gouv.fr/';
export const INFO_URL_PLUS = 'https://franceconnect.gouv.fr/france-connect-plus';
// ProConnect's own button page links to www (docs/qualification.md#proconnect: the DSFR 1.15
// component drops the www; ProConnect's page is followed).
export const INFO_URL_PRO = 'https://www.proconnect.gouv.fr/';

/** The identity federations a button can stand for; the first is the default. */
export const PROVIDERS = ['franceconnect', 'proconnect'] as const;
export type Provider = (typeof PROVIDERS)[number];
