import { createApp } from 'vue';
import 'franceconnect-elements/vue'; // defines the elements; types them in templates
import LoginPage from './LoginPage.vue';

createApp(LoginPage).mount('#app');
