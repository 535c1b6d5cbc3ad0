// The block renders <fc-button> and <fc-separator>: they are defined with it.
import './fc-button.js';
import './fc-separator.js';
import { FcLoginBlock } from '../fc-login-block/fc-login-block.js';

export { FcLoginBlock };
export type { ComplianceWarning, FcLoginBlockSection } from '../fc-login-block/fc-login-block.js';
export type { ComplianceFinding, FrameFinding, PrivateSignInFinding } from '../shared/private-sign-in.js';

if (!customElements.get('fc-login-block')) customElements.define('fc-login-block', FcLoginBlock);
