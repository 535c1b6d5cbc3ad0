/**
 * `franceconnect-elements/react`: the React components of every element (each also
 * has its own entry point, `franceconnect-elements/react/fc-button`…, for a page that
 * uses one). See ./component.ts for how they render on a server and in a browser.
 * Named re-exports, not `export *`: Next.js refuses `export *` in a client module.
 */
export { FcButton, type FcButtonProps } from './fc-button.js';
export { FcLoginBlock, type FcLoginBlockProps } from './fc-login-block.js';
export { FcSeparator, type FcSeparatorProps } from './fc-separator.js';
export { FcProfileForm, type FcProfileFormProps } from './fc-profile-form.js';
export { FcAccount, type FcAccountProps } from './fc-account.js';
