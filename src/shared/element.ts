import { LitElement, type PropertyDeclaration } from 'lit';
import { str } from './warn.js';
import { hydration } from './hydrates.js';

/** Reflected text properties: any JavaScript value becomes an attribute without throwing. */
export const reflectText: PropertyDeclaration = { reflect: true, converter: { toAttribute: str } };

/** Elements upgraded over a server-rendered (declarative) shadow root, to hydrate. */
export const serverRendered = new WeakSet<Element>();

/**
 * The base of every element. Lit reflects a property to its attribute at the next
 * update, so `el.disabled = true; el.removeAttribute('disabled')` would end enabled
 * for a moment and then disabled again, and a form-associated element's
 * formDisabledCallback would fire in the middle of an update. Here a reflected
 * property writes its attribute at once, as the properties of native elements do:
 * any sequence of property and attribute writes ends where the last write says.
 */
export class FcElement extends LitElement {
  #fromAttribute = false;

  constructor() {
    super();
    // A declarative shadow root (server render) is attached before the element is
    // upgraded; Lit creates its own later, when connected.
    if (hydration && this.shadowRoot) serverRendered.add(this);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    this.#fromAttribute = true;
    try {
      super.attributeChangedCallback(name, old, value);
    } finally {
      this.#fromAttribute = false;
    }
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration, ...rest: []) {
    super.requestUpdate(name, oldValue, options, ...rest);
    // Before the first update Lit reflects everything itself; an attribute written
    // now would also be refused in a constructor.
    if (!this.hasUpdated || this.#fromAttribute || !options?.reflect || typeof name !== 'string') return;
    const attr = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
    const value: unknown = this[name as keyof this];
    if (options.type === Boolean) this.toggleAttribute(attr, !!value);
    else if (value == null) this.removeAttribute(attr);
    else if (this.getAttribute(attr) !== str(value)) this.setAttribute(attr, str(value));
  }
}
