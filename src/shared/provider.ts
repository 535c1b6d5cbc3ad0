import { PROVIDERS, type Provider } from './texts.js';
import { oneOf, warnOnce } from './warn.js';

/** What a button draws once its provider, `plus` and `variant` are checked together. */
export interface ProviderChoice {
  readonly provider: Provider;
  readonly plus: boolean;
  readonly data: boolean;
}

/**
 * `provider` must be `franceconnect` (default) or `proconnect` (a bad value warns, fc-bad-value,
 * and falls back to FranceConnect). ProConnect has one button, « S’identifier avec ProConnect »
 * (docs/qualification.md#proconnect): no FranceConnect+ and no "Récupérer ses données" variant,
 * so `plus` or `variant="data"` with it warns (fc-proconnect-option) and is left out.
 */
export function chooseProvider(el: Element, provider: unknown, plus: boolean, data: boolean): ProviderChoice {
  const chosen = oneOf(el, 'provider', provider, PROVIDERS);
  if (chosen === 'proconnect') {
    for (const [on, what] of [[plus, 'plus'], [data, 'variant="data"']] as const) {
      if (on) warnOnce(el, 'proconnect-option', what, `${what} is a FranceConnect option; ProConnect has no such button, so the ProConnect login button is shown.`);
    }
    return { provider: chosen, plus: false, data: false };
  }
  return { provider: chosen, plus, data };
}
