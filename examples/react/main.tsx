import { createRoot } from 'react-dom/client';
import { LoginPage } from './LoginPage.js';
import { ProfilePage } from './ProfilePage.js';

// The identity the server wrote into the page, as it received it from FranceConnect.
const app = document.getElementById('app')!;
const identity = document.getElementById('identity');
createRoot(app).render(identity ? <ProfilePage identity={JSON.parse(identity.textContent!)} /> : <LoginPage />);
