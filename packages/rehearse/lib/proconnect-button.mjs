// Where the ProConnect button of a service's page is, for the rehearsal's browser. The page
// audit of franceconnect-elements finds FranceConnect's; until it knows ProConnect's too, this
// one function does, as a person would see it: a control named « S’identifier avec ProConnect »
// (bouton_proconnect.md of proconnect-gouv/proconnect-espace-partenaires), else the markup of
// the elements (fc-button provider="proconnect") or of the DSFR (.fr-connect--pro).

/** The button's accessible name: its two lines read as one, either apostrophe. */
export const PROCONNECT_NAME = /S[’']identifier\s+avec\s+ProConnect/i;

/**
 * The ProConnect control of `page` that a person activates, and how findings name it:
 * `{ button, name }` (a Playwright locator), or null when the page has none in view.
 * @param {import('playwright-core').Page} page
 */
export async function findProConnectButton(page) {
  const candidates = [
    page.getByRole('button', { name: PROCONNECT_NAME }),
    page.getByRole('link', { name: PROCONNECT_NAME }),
    page.locator('fc-button[provider="proconnect"]'),
    page.locator('.fr-connect--pro'),
  ];
  for (const list of candidates) {
    const count = await list.count().catch(() => 0);
    for (let i = 0; i < count; i += 1) {
      const button = list.nth(i);
      if (!(await button.isVisible().catch(() => false))) continue;
      const text = ((await button.innerText().catch(() => '')) || (await button.getAttribute('aria-label').catch(() => '')) || '').replace(/\s+/g, ' ').trim();
      return { button, name: `« ${text || 'S’identifier avec ProConnect'} »` };
    }
  }
  return null;
}
