/** The neuron figure's link state. */
import { readState as read, type Schema } from '../../src/state/url-state.ts';
import { syncUrl } from './figure-link.ts';

export const neuronSchema = {
  act: { kind: 'enum', default: 'sigmoid', options: ['sigmoid', 'tanh', 'relu'], label: 'activation' },
  w: { kind: 'number', default: 1, min: -4, max: 4, label: 'weight w' },
  b: { kind: 'number', default: 0, min: -4, max: 4, label: 'bias b' },
} satisfies Schema;

export function readState(id: string) {
  return read(neuronSchema, id, new URLSearchParams(location.search));
}

export function syncSafe(id: string, s: { act: string; w: number; b: number }): void {
  syncUrl(neuronSchema, id, s);
}
