import { describe, expect, it } from 'vitest';
import { defaults, readState, writeState, type Schema } from '../../src/state/url-state.ts';

const schema = {
  seed: { kind: 'int', default: 1, min: 0, max: 1000, label: 'seed' },
  lr: { kind: 'number', default: 0.1, min: 0.0001, max: 10, label: 'learning rate' },
  act: { kind: 'enum', default: 'tanh', options: ['tanh', 'relu', 'sigmoid'], label: 'activation' },
} satisfies Schema;

describe('figure state in the URL', () => {
  it('round-trips a state through a link', () => {
    const state = { seed: 7, lr: 0.03, act: 'relu' };
    const params = writeState(schema, 'xor', state, new URLSearchParams('other=1'));
    expect(params.get('other')).toBe('1');
    const back = readState(schema, 'xor', new URLSearchParams(params.toString()));
    expect(back.state).toEqual(state);
    expect(back.notices).toEqual([]);
  });

  it('keeps links short: defaults are not written', () => {
    expect(writeState(schema, 'xor', defaults(schema), new URLSearchParams()).toString()).toBe('');
  });

  it.each([
    ['xor.seed=abc', /seed.*not a number/],
    ['xor.seed=1.5', /seed.*whole number/],
    ['xor.seed=1e99', /seed.*between 0 and 1000/],
    ['xor.lr=-1', /learning rate.*between/],
    ['xor.lr=0x10', /learning rate.*not a number/],
    ['xor.lr=', /learning rate.*not a number/],
    ['xor.act=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /activation.*one of tanh, relu, sigmoid/],
    [`xor.act=${'a'.repeat(500)}`, /activation.*too long/],
  ])('falls back to the default with a notice for %s', (query, message) => {
    const { state, notices } = readState(schema, 'xor', new URLSearchParams(query));
    expect(state).toEqual(defaults(schema));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(message);
  });
});
