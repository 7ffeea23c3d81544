import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static web app: Electron loads it from disk, the browser host serves it.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
