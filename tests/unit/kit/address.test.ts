import { describe, expect, it } from 'vitest';
import { AddressWriter, QUERY_SETTLE_MS } from '../../../components/kit/address.ts';
import type { AddressHost } from '../../../components/kit/address.ts';

/** A window with a hand-driven clock, recording every address write. */
function fakeWindow(href = 'https://convlab.test/en/lessons/output-size/?keep=1#calc') {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const listeners = new Map<string, (() => void)[]>();
  const writes: string[] = [];
  const on = (type: string, listener: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]);
  const host: AddressHost = {
    location: { href },
    history: {
      state: { scroll: 12 },
      replaceState(data, _unused, url) {
        expect(data).toEqual({ scroll: 12 }); // the entry's state survives
        host.location.href = url;
        writes.push(url);
      },
    },
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id as number);
    },
    performance: { now: () => now },
    addEventListener: on,
    document: { addEventListener: on, visibilityState: 'visible' },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at > now) continue;
      timers.delete(id);
      timer.run();
    }
  };
  const fire = (type: string) => (listeners.get(type) ?? []).forEach((listener) => listener());
  return { host, writes, advance, fire };
}

describe('AddressWriter: query edits written once a burst settles', () => {
  it('writes a change after a quiet spell at once, so a reload right after it keeps it', () => {
    const w = fakeWindow();
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('osS', '2'));
    expect(w.writes).toEqual(['https://convlab.test/en/lessons/output-size/?keep=1&osS=2#calc']);
    expect(address.pending).toBe(false);
  });

  it("a widget filling in its keys after hydration does not hold back the reader's first change", () => {
    const w = fakeWindow();
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('osMode', 'conv'), { settles: false });
    w.advance(20);
    address.update((params) => params.set('osS', '2'));
    expect(w.writes).toHaveLength(2);
    expect(w.writes[1]).toContain('osMode=conv&osS=2');
    expect(address.pending).toBe(false);
  });

  it('writes a burst of slider steps at most once per settle time, ending with the last values', () => {
    const w = fakeWindow();
    const address = new AddressWriter(w.host);
    const steps = 30;
    for (let k = 1; k <= steps; k++) {
      address.update((params) => params.set('osK', String(k)));
      w.advance(20); // a hand on a slider: a step every 20 ms, 600 ms in all
    }
    w.advance(QUERY_SETTLE_MS);
    const ks = w.writes.map((url) => Number(new URL(url).searchParams.get('osK')));
    expect(ks[0]).toBe(1); // the first step, at once
    expect(ks.at(-1)).toBe(steps); // the last step, at the end of its spell
    expect(w.writes.length).toBeLessThanOrEqual(Math.ceil((steps * 20) / QUERY_SETTLE_MS) + 1);
    expect(ks).toEqual([...ks].sort((a, b) => a - b)); // never an older value after a newer one
    expect(w.writes.every((url) => url.includes('keep=1') && url.endsWith('#calc'))).toBe(true);
    expect(address.pending).toBe(false);
  });

  it('applies queued edits in order, so a delete after a set wins, and two widgets merge', () => {
    const w = fakeWindow('https://convlab.test/en/?a=1');
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('rfIn', '9')); // written at once
    address.update((params) => params.set('pcK', '16'));
    address.update((params) => params.delete('a'));
    address.update((params) => params.set('rfIn', '11'));
    expect(w.writes).toHaveLength(1);
    address.flush();
    expect(w.writes).toEqual(['https://convlab.test/en/?a=1&rfIn=9', 'https://convlab.test/en/?rfIn=11&pcK=16']);
  });

  it('edits the address as it is when written, not as it was when queued', () => {
    const w = fakeWindow('https://convlab.test/en/');
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('seed', '1')); // written at once
    address.update((params) => params.set('seed', '7')); // queued: too soon after
    w.host.location.href = 'https://convlab.test/en/?other=2'; // another script moved the address
    w.advance(QUERY_SETTLE_MS);
    expect(w.writes).toEqual(['https://convlab.test/en/?seed=1', 'https://convlab.test/en/?other=2&seed=7']);
  });

  it('does not write when the edits leave the address as it was', () => {
    const w = fakeWindow('https://convlab.test/en/?seed=7');
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('seed', '7'));
    address.flush();
    expect(w.writes).toEqual([]);
  });

  it('writes queued changes at once when the page is left or hidden', () => {
    const w = fakeWindow('https://convlab.test/en/');
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('draw', 'b')); // written at once

    address.update((params) => params.set('draw', 'c')); // queued
    w.fire('pagehide');
    expect(w.writes.at(-1)).toBe('https://convlab.test/en/?draw=c');

    address.update((params) => params.set('draw', 'd'));
    w.fire('visibilitychange'); // still visible: nothing yet
    expect(w.writes).toHaveLength(2);
    w.host.document.visibilityState = 'hidden';
    w.fire('visibilitychange');
    expect(w.writes.at(-1)).toBe('https://convlab.test/en/?draw=d');
    // The timer that was due does not write a second time.
    w.advance(QUERY_SETTLE_MS);
    expect(w.writes).toHaveLength(3);
  });

  it('a browser that refuses the write (a rate limit) does not break the widget', () => {
    const w = fakeWindow('https://convlab.test/en/');
    w.host.history.replaceState = () => {
      throw new Error('SecurityError: Attempt to use history.replaceState() more than 100 times per 10 seconds');
    };
    const address = new AddressWriter(w.host);
    address.update((params) => params.set('osK', '3'));
    expect(() => address.flush()).not.toThrow();
    expect(address.pending).toBe(false);
  });
});
