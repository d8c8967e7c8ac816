import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into builder/dist, which the API serves at `/`. Dev: `npx vite builder` proxies /api to
// OMNIFLOW_URL (default :3000), keeping the Host the browser sent: the API lets a signed-in write
// through only when its Origin is that host (api/check-origin.ts), and Vite's shorthand rewrites it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    proxy: { '/api': { target: process.env.OMNIFLOW_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
