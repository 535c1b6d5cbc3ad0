import { createRoot } from 'react-dom/client';
import { LoginPage } from './LoginPage.js';

createRoot(document.getElementById('app')!).render(<LoginPage />);
