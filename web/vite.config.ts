import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { precompressPlugin } from './vite-plugins/precompress';

/** The API server (Nest) in development; in production it serves web/dist itself. */
const API_ORIGIN = 'http://localhost:3000';

/** Paths owned by the server: the JSON API, the GS1 Digital Link resolver and its description, EPCIS. */
const serverPath: ProxyOptions = { target: API_ORIGIN, changeOrigin: false };

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), precompressPlugin()],
  resolve: {
    // Build straight from the shared sources: no need to build `shared` first.
    alias: {
      '@nguon/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
      '@/': fileURLToPath(new URL('./src/', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    // Keys starting with ^ are regular expressions; they keep e.g. /quality from matching /q.
    proxy: {
      '^/api(/|$)': serverPath,
      '^/01/': serverPath,
      '^/q/': serverPath,
      '^/\\.well-known/': serverPath,
      '^/epcis(/|$)': serverPath,
    },
  },
  // The server entry (`vite build --ssr src/entry-server.tsx`) is one self-contained file: the
  // server image installs no React, and nothing in web/dist-ssr is ever sent to a browser.
  ssr: { noExternal: true },
  // React's production build in the server entry whatever NODE_ENV the server runs with (`npm
  // start` sets none): the development build renders a page several times slower.
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: isSsrBuild
    ? { outDir: 'dist-ssr', emptyOutDir: true, copyPublicDir: false }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        // No source maps in what the server publishes: they would hand out the whole source (2.8 MB)
        // to anyone. The dev server (`npm run dev -w web`) keeps its own.
        sourcemap: false,
      },
}));
