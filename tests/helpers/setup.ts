import { tfCpu } from '../../src/engine/tf-node.ts';

// Every unit test computes on the CPU backend: the same kernels as the page's `cpu` backend.
await tfCpu();

// Every figure's strings, as the server-rendered pages have them (src/i18n/all-figures.ts).
await import('../../src/i18n/all-figures.ts');
