// ProConnect's logo, provided at once: imported by the server entries (franceconnect-elements/ssr,
// the React wrappers' server side), whose render is synchronous and cannot wait for the file
// a browser loads when it first needs it (shared/proconnect-logo.ts).
import * as logo from '../generated/proconnect-logo.js';
import { provideProConnectLogo } from './proconnect-logo.js';

provideProConnectLogo(logo);
