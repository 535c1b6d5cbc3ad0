import type { ReactiveElement } from 'lit';

/**
 * Lit reflects properties to attributes in the middle of an update, then forgets any
 * change requested meanwhile. A form-associated element's own `disabled` attribute
 * makes the browser call formDisabledCallback during that very reflection: a state
 * stored there asks for its own update once the current one is over, so that
 * `disabled = true` then `false` (what React, Vue and Angular do) re-enables the element.
 */
export function requestAfterReflection(el: ReactiveElement): void {
  el.requestUpdate();
  el.updateComplete.then(() => el.requestUpdate());
}
