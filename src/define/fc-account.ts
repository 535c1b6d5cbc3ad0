import { FcAccount } from '../fc-account/fc-account.js';

export { FcAccount };
export { accountName, ACCOUNT_TEXTS } from '../fc-account/fc-account.js';
export type { AccountName } from '../fc-account/fc-account.js';
export type { FcIdentity } from '../shared/claims.js';

if (!customElements.get('fc-account')) customElements.define('fc-account', FcAccount);
