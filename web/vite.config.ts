import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const serverSrc = fileURLToPath(new URL('../src', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@server': serverSrc },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Keep every asset a separate file: the server's CSP forbids inline scripts and data: fonts.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: they change far less often than the app.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-is|scheduler|react-router|use-sync-external-store)[\\/]/,
              priority: 4,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](?!charts[\\/]|tiptap[\\/]|core[\\/]esm[\\/]components[\\/](?:ColorPicker|Tooltip)[\\/])|@mantine[\\/]charts[\\/]styles|@floating-ui|react-remove-scroll|@tabler)/,
              priority: 3,
            },
            // The charts and what only they use (a group takes its modules' dependencies, so it comes after
            // React and Mantine; their stylesheet stays with Mantine's): loaded with the reporting pages only.
            {
              name: 'charts',
              test: /node_modules[\\/](@mantine[\\/]charts|recharts)[\\/]/,
              priority: 2,
            },
            // The rich-text editor (TipTap on ProseMirror, with Mantine's toolbar and the colour picker and tooltip
            // only its controls use, left out of Mantine's group above): loaded with the content editor only.
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|@mantine[\\/]tiptap|prosemirror-[a-z-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
