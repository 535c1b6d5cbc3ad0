// Part of dist/cdn/franceconnect-elements-account.js, run before it defines its elements:
// see src/cdn-unhydrated.ts.
import { redrawServerOutput } from './cdn-unhydrated.js';

redrawServerOutput('fc-account,fc-profile-form');
