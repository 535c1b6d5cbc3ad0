/**
 * The French texts FranceConnect's qualification checks letter for letter (SPEC §1).
 * Apostrophes are the typographic U+2019; the space before "?" is a no-break space.
 */
export const TEXTS = {
  login: 'S’identifier avec',
  data: 'Récupérer ses données avec',
  brand: 'FranceConnect',
  brandPlus: 'FranceConnect+',
  sentence:
    'FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.',
  // The official FC+ sentence has that comma (SPEC §1).
  sentencePlus:
    'FranceConnect+ est la solution proposée par l’État, pour renforcer la sécurité de vos services en ligne les plus sensibles.',
  infoLink: 'Qu’est-ce que FranceConnect\u00a0?',
  infoLinkPlus: 'Qu’est-ce que FranceConnect+\u00a0?',
  newWindow: 'nouvelle fenêtre',
  separator: 'ou',
} as const;

export const INFO_URL = 'https://franceconnect.gouv.fr/';
export const INFO_URL_PLUS = 'https://franceconnect.gouv.fr/france-connect-plus';
