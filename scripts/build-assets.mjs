// Copies run-time assets from npm packages into public/generated/ (git-ignored), so
// the site serves everything itself: no CDN, works offline once loaded.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const out = 'public/generated/tfjs-wasm';
const from = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
mkdirSync(out, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.wasm'));
for (const f of files) cpSync(join(from, f), join(out, f));
console.log(`build-assets: ${files.length} TF.js WebAssembly binaries → ${out}`);
