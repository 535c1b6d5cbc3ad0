import { createApp } from 'vue';
import 'franceconnect-elements/vue'; // defines the elements; types them in templates
import LoginPage from './LoginPage.vue';
import ProfilePage from './ProfilePage.vue';

// The identity the server wrote into the page, as it received it from FranceConnect.
const identity = document.getElementById('identity');
if (identity) createApp(ProfilePage, { identity: JSON.parse(identity.textContent!) }).mount('#app');
else createApp(LoginPage).mount('#app');
