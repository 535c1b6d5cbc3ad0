import { FcButton } from '../fc-button/fc-button.js';

export { FcButton };
export type { FcButtonVariant, FcActivateDetail } from '../fc-button/fc-button.js';

// Defining twice throws; a page that loads the library twice keeps the first definition.
if (!customElements.get('fc-button')) customElements.define('fc-button', FcButton);
