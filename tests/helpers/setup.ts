import { tfCpu } from '../../src/engine/tf-node.ts';

// Every unit test computes on the CPU backend: the same kernels as the page's `cpu` backend.
await tfCpu();
