import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import './app/i18n';
// Thai glyphs ship with the app (OFL): a laptop without a Thai font still shows Thai names and translations.
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import './styles.css';

// zod would probe `new Function` for speed; the CSP forbids eval, so tell it not to try.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
