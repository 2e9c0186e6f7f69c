/**
 * Every runnable listing in the book, executed in Node through the same runner the
 * page's sandbox uses (src/livecode/runner.ts) on the CPU backend, and checked against
 * the output its chapter promises (`expect`). A listing that throws, leaks, or whose
 * output drifts fails here with the chapter's file and line.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { discoverListings, firstUnmatched } from '../../src/livecode/discover.ts';
import { outputLines, runListing } from '../../src/livecode/runner.ts';
import type { OutputEvent } from '../../src/livecode/protocol.ts';

const listings = discoverListings(process.cwd());

describe('runnable listings', () => {
  test('the book has runnable listings, with unique ids per chapter', () => {
    expect(listings.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const l of listings) {
      const key = `${l.chapter}#${l.id}`;
      expect(seen.has(key), `${l.chapter}:${l.line}: listing id "${l.id}" used twice`).toBe(false);
      seen.add(key);
    }
  });

  for (const l of listings) {
    test(`${l.chapter}:${l.line} ${l.id} (${l.file})`, async () => {
      const events: OutputEvent[] = [];
      const before = tf.memory().numTensors;
      const result = await runListing(l.code, { tf, emit: (e) => events.push(e) });
      const lines = outputLines(events);
      const error = events.find((e) => e.type === 'error');
      expect(error, `${l.chapter}:${l.line}: listing ${l.file} threw:\n${lines.join('\n')}`).toBeUndefined();
      expect(result.ok).toBe(true);
      const missing = firstUnmatched(l.expect, lines);
      expect(missing, `${l.chapter}:${l.line}: listing ${l.file} did not print a line matching ${missing} (in order). Its output:\n${lines.join('\n')}`).toBeNull();
      // The runner frees what the listing left; nothing survives a run.
      expect(tf.memory().numTensors, 'tensors left after the run').toBe(before);
      // Listings are meant to be quick in a reader's browser.
      expect(result.ms, `${l.file} took ${result.ms} ms`).toBeLessThan(l.timeout * 1000);
    }, 120_000);
  }
});
