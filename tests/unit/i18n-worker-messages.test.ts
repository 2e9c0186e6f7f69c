/**
 * Workers speak in catalogue keys: every key a worker may send (WORKER_KEYS, the only
 * keys `said` accepts) has a string in every language, the English fallback a worker
 * sends is the English catalogue string, and the page turns real worker messages
 * (backend choice, MNIST download progress, a diverged run) into Chinese on a Chinese page.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, t } from '../../src/i18n/ui.ts';
import { WORKER_KEYS, mnistProgress, said, type Said } from '../../src/i18n/worker-messages.ts';
import { workerNotices, workerText } from '../../src/i18n/worker-text.ts';
import { chooseBackend } from '../../src/tf/choose-backend.ts';
import { DataError, describeError } from '../../src/worker/session-host.ts';
import { DivergedError } from '../../src/train/trainer.ts';

const CJK = /[\u4e00-\u9fff]/;
const inLang = (m: { message: string; said?: Said }, lang: string) => (m.said ? t(m.said.key, m.said.params, lang) : m.message);

describe('worker message keys', () => {
  for (const lang of Object.keys(CATALOGUE)) {
    it(`every key a worker can send has a ${lang} string`, () => {
      expect(WORKER_KEYS.filter((k) => !(k in CATALOGUE[lang]!))).toEqual([]);
    });
  }

  it('every worker string in the catalogue is a key workers may send (none forgotten in WORKER_KEYS)', () => {
    const inCatalogue = Object.keys(CATALOGUE.en!).filter((k) => k.startsWith('worker.'));
    expect([...inCatalogue].sort()).toEqual([...WORKER_KEYS].sort());
  });

  it("a worker's English fallback is the English catalogue string, params filled", () => {
    for (const key of WORKER_KEYS) {
      const params = Object.fromEntries([...CATALOGUE.en![key]!.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 7]));
      const s = said(key, params);
      expect(s.text).toBe(t(key, params, 'en'));
      expect(s.text).not.toMatch(/\{\w+\}/);
      expect(t(key, params, 'zh-CN')).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('the page translates what workers say', () => {
  it('MNIST download progress', () => {
    const lines: Said[] = [];
    mnistProgress((_f, m) => lines.push(m as Said))({ received: 3_500_000, total: 10_000_000 });
    expect(lines[0]!.text).toBe('downloading MNIST (3.5 of 10.0 MB)');
    expect(inLang({ message: lines[0]!.text, said: lines[0] }, 'zh-CN')).toBe('正在下载 MNIST 数据（3.5 / 10.0 MB）');
  });

  it('the backend choice: reason and notice', () => {
    const c = chooseBackend({ webgpu: 'none', webgl: false, wasm: true }, 'heavy', 'webgpu');
    expect(c.notice).toMatch(/webgpu is not available/);
    expect(c.reason).toBe('no GPU backend: the CPU');
    expect(t(c.noticeSaid!.key, c.noticeSaid!.params, 'zh-CN')).toMatch(CJK);
    expect(t(c.reasonSaid!.key, c.reasonSaid!.params, 'zh-CN')).toBe('没有 GPU 后端：使用 CPU');
    // Older messages without keys are shown as they came.
    expect(workerNotices({ notices: ['plain'] })).toEqual(['plain']);
    expect(workerText('plain')).toBe('plain');
  });

  it('errors: a diverged run and a data error keep their English message and carry a key', () => {
    const diverged = describeError(new DivergedError(3, 5));
    expect(diverged.kind).toBe('diverged');
    expect(diverged.message).toBe(new DivergedError(3, 5).message);
    expect(diverged.said!.text).toBe(diverged.message);
    expect(inLang(diverged, 'zh-CN')).toContain('学习率 5');
    const missing = describeError(new DataError(said('worker.noCheckpoint', { model: 'fast-cnn', epoch: 4 })));
    expect(missing).toMatchObject({ kind: 'data', message: 'There is no pre-trained fast-cnn checkpoint for epoch 4.' });
    expect(inLang(missing, 'zh-CN')).toBe('没有 fast-cnn 在第 4 轮的预训练检查点。');
    const internal = describeError(new Error('boom'));
    expect(internal).toEqual({ type: 'error', message: 'boom', kind: 'internal' });
  });
});
