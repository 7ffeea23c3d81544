import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static web app: Electron loads it from disk, the browser host serves it.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  css: {
    // Screens import their own `*.module.css`: kebab-case classes read as camelCase keys (styles.planCard), and
    // the kebab key stays for names built at run time (styles[`badge-${status}`]). Short scoped names keep the CSS small.
    modules: { localsConvention: 'camelCase', generateScopedName: '[local]_[hash:base64:5]' },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
