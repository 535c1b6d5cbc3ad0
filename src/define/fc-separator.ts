import { FcSeparator } from '../fc-separator/fc-separator.js';

export { FcSeparator };

if (!customElements.get('fc-separator')) customElements.define('fc-separator', FcSeparator);
