import { FcProfileForm } from '../fc-profile-form/fc-profile-form.js';

export { FcProfileForm };
export type { FcIdentity, PlaceNameResolver, ClaimName } from '../shared/claims.js';

if (!customElements.get('fc-profile-form')) customElements.define('fc-profile-form', FcProfileForm);
