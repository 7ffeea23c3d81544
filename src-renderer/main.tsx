/**
 * Renderer entry: mounts the app into #root.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets come before the app so every screen's CSS module loads after them, as in the old single sheet.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/jobs.css';
import './styles/screens.css';
import { App } from './app.js';
import { setupI18n } from './i18n/i18n.js';

// Catalogs are bundled, so i18next is ready before the first render (in the system's language).
setupI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
