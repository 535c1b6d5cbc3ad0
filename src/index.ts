// Defines every element of the library and exports their classes.
export * from './define/fc-button.js';
export * from './define/fc-separator.js';
export * from './define/fc-login-block.js';
export * from './define/fc-profile-form.js';
export * from './define/fc-account.js';
export { TEXTS, INFO_URL, INFO_URL_PLUS } from './shared/texts.js';
