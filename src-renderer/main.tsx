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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
