import { defineConfig } from 'vite';

const entry = decodeURIComponent(new URL('./src/index.ts', import.meta.url).pathname);

/**
 * Library build: one self-registering ES module with lit bundled in.
 * `dist/service-control-center.js` is what hosts load with
 * `<script type="module" src=".../service-control-center.js">`.
 */
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry,
      formats: ['es'],
      fileName: () => 'service-control-center.js',
    },
    rolldownOptions: {
      output: {
        // Vite keeps whitespace in ES library builds (for re-bundling); this file is meant to be
        // loaded by browsers as is, so minify it fully. Keep lit's license comments.
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
