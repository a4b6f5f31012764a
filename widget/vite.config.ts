import MagicString from 'magic-string';
import { defineConfig, type Plugin } from 'vite';

const entry = decodeURIComponent(new URL('./src/index.ts', import.meta.url).pathname);

/**
 * Lit keeps `css` templates exactly as written; the minifier leaves template text alone. Hosts load
 * the bundle on every page, so drop comments and the whitespace that carries no meaning (never
 * around `+`, `-` or `*`, which `calc()` needs).
 */
function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .trim();
}

function minifyCssTemplates(): Plugin {
  return {
    name: 'scc-minify-css-templates',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: code.replace(/\bcss`([^`]*)`/g, (_all, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}

/**
 * Lit's browser build touches the DOM while it is imported: lit-html opens a tree walker on
 * `document` and ReactiveElement extends `HTMLElement`. A host that renders on a server imports our
 * module there too (for its types or `register()`), so give both the guards lit's own server build
 * has, which change nothing in a browser. Each must match once: a lit release that moves them fails
 * the build here instead of breaking server imports unnoticed.
 */
const serverSafeLitGuards: { file: RegExp; from: string; to: string }[] = [
  {
    file: /\/lit-html\/lit-html\.js$/,
    from: '=document,',
    to: '=globalThis.document??{createTreeWalker(){return{}}},',
  },
  {
    file: /\/@lit\/reactive-element\/reactive-element\.js$/,
    from: ' extends HTMLElement{',
    to: ' extends(globalThis.HTMLElement??class{}){',
  },
];

function serverSafeLit(): Plugin {
  return {
    name: 'scc-server-safe-lit',
    transform(code, id) {
      const guard = serverSafeLitGuards.find((g) => g.file.test(id));
      if (!guard) return null;
      const parts = code.split(guard.from);
      if (parts.length !== 2) this.error(`${id}: expected "${guard.from}" once, found it ${parts.length - 1} times`);
      return { code: parts.join(guard.to), map: null };
    },
  };
}

/**
 * After minification, the only line breaks left are in the static parts of lit's `html` and
 * `css` templates, where a break and its indentation mean no more than one space.
 */
const collapseTemplateWhitespace = (): Plugin => ({
  name: 'scc-collapse-template-whitespace',
  enforce: 'post',
  renderChunk(code) {
    const out = new MagicString(code);
    for (const match of code.matchAll(/\n\s+/g)) out.update(match.index, match.index + match[0].length, ' ');
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
});

/**
 * Library build: a self-registering ES module with lit bundled in.
 * `dist/service-control-center.js` is what hosts load with
 * `<script type="module" src=".../service-control-center.js">`. The admin screens and the tenant
 * operations (`import()`ed in `src/lazy/parts.ts`) become chunks next to it, named
 * `<name>.<content hash>.js` so servers can cache them forever; they import lit and the shared
 * code back from `./service-control-center.js`.
 */
export default defineConfig({
  plugins: [serverSafeLit(), minifyCssTemplates(), collapseTemplateWhitespace()],
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
      // Lets the entry export what the chunks share with it, instead of a third chunk every page loads.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // `<name>.<hash>.js` with no other dot (a styles module's `x.styles` becomes `x-styles`) and
        // a lower-case name (a library's `uPlot.esm` becomes `uplot-esm`): the BFF serves chunks by
        // exactly that pattern (CHUNK_NAME in bff/src/widget-bundle.ts).
        chunkFileNames: (chunk) => `${chunk.name.replaceAll('.', '-').toLowerCase()}.[hash].js`,
        // Vite keeps whitespace in ES library builds (for re-bundling); this file is meant to be
        // loaded by browsers as is, so minify it fully. Keep lit's license comments.
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
