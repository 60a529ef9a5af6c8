import { describe, expect, it } from 'vitest';
import { AdmissionQueue } from './admission';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AdmissionQueue', () => {
  it('serves up to its concurrency at once and lets the next in when a place is given back', async () => {
    const queue = new AdmissionQueue({ concurrency: 2, maxWaitMs: 10_000 });
    await queue.enter('a');
    await queue.enter('b');
    let third = false;
    const waiting = queue.enter('c').then(() => {
      third = true;
    });
    await tick();
    expect([queue.running, queue.waiting, third]).toEqual([2, 1, false]);
    queue.leave(10);
    await waiting;
    expect([queue.running, queue.waiting, third]).toEqual([2, 0, true]);
  });

  it('serves clients in turn: a busy client does not starve the others', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxWaitMs: 10_000 });
    await queue.enter('busy');
    const order: string[] = [];
    const all = [
      ...Array.from({ length: 5 }, (_, i) => queue.enter('busy').then(() => order.push(`busy${i}`))),
      queue.enter('quiet').then(() => order.push('quiet')),
      queue.enter('other').then(() => order.push('other')),
    ];
    for (let i = 0; i < 7; i++) {
      queue.leave(1);
      await tick();
    }
    await Promise.all(all);
    expect(order.slice(0, 3)).toEqual(['busy0', 'quiet', 'other']);
    expect(order.slice(3)).toEqual(['busy1', 'busy2', 'busy3', 'busy4']);
  });

  it('turns a request away at once, with a wait to retry after, when the line is longer than the bound', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxWaitMs: 200 });
    await queue.enter('a');
    // Service takes about 150 ms: the first in line would wait about 150 ms, the second 300 ms.
    for (let i = 0; i < 30; i++) {
      queue.leave(150);
      await queue.enter('a');
    }
    const first = queue.enter('b');
    await expect(queue.enter('c')).rejects.toMatchObject({
      code: 'server_busy',
      status: 503,
      options: { headers: { 'retry-after': '1' } },
    });
    queue.leave(150);
    await first;
  });
});
