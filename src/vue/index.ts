/**
 * Vue 3 typings for the elements, so that templates know the tags and check
 * their props. Importing this module also defines the elements (each has its own entry
 * point too, `franceconnect-elements/vue/fc-button`…, for a page that uses one). Tell
 * Vue's compiler they are custom elements:
 * `compilerOptions.isCustomElement: (tag) => tag.startsWith('fc-')`.
 */
import './fc-button.js';
import './fc-login-block.js';
import './fc-separator.js';
import './fc-profile-form.js';
import './fc-account.js';
import '../index.js';

export { isCustomElement } from './types.js';
