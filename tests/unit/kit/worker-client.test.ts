/**
 * The kit's worker client on its own, with a scripted worker and a fake clock:
 * starting on demand, failures reported once with the worker ended, a late
 * message from an ended worker ignored, and the watch (ping after quiet, silence
 * after an unanswered ping, nothing while switched off).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerClient } from '../../../components/kit/worker-client.ts';
import type { WorkerFailure, WorkerLike } from '../../../components/kit/worker-client.ts';

type Message = { type: 'pong' } | { type: 'said'; text: string };
type Command = { type: 'ping' } | { type: 'say'; text: string };

class ScriptedWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  sent: Command[] = [];
  answering = true;
  terminated = false;

  postMessage(message: unknown): void {
    const command = message as Command;
    this.sent.push(command);
    if (command.type === 'ping' && this.answering) this.reply({ type: 'pong' });
  }

  reply(message: Message): void {
    this.onmessage?.({ data: message } as MessageEvent);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const watch = { pingMs: 5_000, silentMs: 10_000, checkMs: 1_000 };

function setup() {
  const workers: ScriptedWorker[] = [];
  const messages: Message[] = [];
  const failures: WorkerFailure[] = [];
  const silence: boolean[] = [];
  const client = new WorkerClient<Command, Message>({
    create: () => {
      const worker = new ScriptedWorker();
      workers.push(worker);
      return worker;
    },
    onMessage: (m) => messages.push(m),
    onFailure: (f) => failures.push(f),
    onSilence: (s) => silence.push(s),
    ping: { type: 'ping' },
    isPong: (m) => m.type === 'pong',
    watch,
  });
  return { client, workers, messages, failures, silence };
}

describe('WorkerClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a worker on the first post only, and send needs a running one', () => {
    const w = setup();
    expect(w.client.send({ type: 'say', text: 'early' })).toBe(false);
    expect(w.workers).toHaveLength(0);
    w.client.post({ type: 'say', text: 'a' });
    w.client.post({ type: 'say', text: 'b' });
    expect(w.workers).toHaveLength(1);
    expect(w.client.send({ type: 'say', text: 'c' })).toBe(true);
    expect(w.workers[0].sent.map((c) => (c.type === 'say' ? c.text : c.type))).toEqual(['a', 'b', 'c']);
    w.client.end();
    expect(w.workers[0].terminated).toBe(true);
    expect(w.client.alive).toBe(false);
  });

  it('a worker that cannot be constructed makes post throw and leaves no worker', () => {
    const client = new WorkerClient<Command, Message>({
      create: () => {
        throw new Error('Workers are disabled');
      },
      onMessage: () => {},
      onFailure: () => {},
      ping: { type: 'ping' },
      isPong: (m) => m.type === 'pong',
    });
    expect(() => client.post({ type: 'say', text: 'x' })).toThrow('Workers are disabled');
    expect(client.alive).toBe(false);
  });

  it('an error event ends the worker and is reported once; the next post starts a fresh one', () => {
    const w = setup();
    w.client.post({ type: 'say', text: 'a' });
    const first = w.workers[0];
    let prevented = false;
    first.onerror?.({ message: 'boom', preventDefault: () => void (prevented = true) } as unknown as ErrorEvent);
    expect(prevented).toBe(true);
    expect(w.failures).toEqual([{ kind: 'error', detail: 'boom' }]);
    expect(first.terminated).toBe(true);
    expect(w.client.alive).toBe(false);
    // The ended worker's late words are ignored.
    first.reply({ type: 'said', text: 'late' });
    first.onmessageerror?.({} as MessageEvent);
    expect(w.messages).toEqual([]);
    expect(w.failures).toHaveLength(1);
    w.client.post({ type: 'say', text: 'b' });
    expect(w.workers).toHaveLength(2);
    w.workers[1].onmessageerror?.({} as MessageEvent);
    expect(w.failures[1]).toEqual({ kind: 'unreadable' });
  });

  it('pings a quiet worker, keeps the pongs to itself, and reports an unanswered ping once', () => {
    const w = setup();
    w.client.post({ type: 'say', text: 'a' });
    const worker = w.workers[0];
    vi.advanceTimersByTime(6_000);
    expect(worker.sent.filter((c) => c.type === 'ping')).toHaveLength(1);
    expect(w.messages).toEqual([]);
    worker.answering = false;
    vi.advanceTimersByTime(4_000); // quiet again since the pong at 5 s: a second ping at 10 s, not answered
    vi.advanceTimersByTime(9_000);
    expect(w.silence).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(w.silence).toEqual([true]);
    vi.advanceTimersByTime(30_000);
    expect(w.silence).toEqual([true]);
    expect(worker.terminated).toBe(false); // silence is reported, not acted on
    worker.reply({ type: 'said', text: 'back' });
    expect(w.silence).toEqual([true, false]);
    expect(w.messages).toEqual([{ type: 'said', text: 'back' }]);
    w.client.end();
  });

  it('watch(false) lets an idle worker stay quiet; ending a silent worker clears the silence', () => {
    const w = setup();
    w.client.post({ type: 'say', text: 'a' });
    w.workers[0].answering = false;
    w.client.watch(false);
    vi.advanceTimersByTime(60_000);
    expect(w.workers[0].sent.filter((c) => c.type === 'ping')).toHaveLength(0);
    expect(w.silence).toEqual([]);
    w.client.watch(true);
    vi.advanceTimersByTime(16_000);
    expect(w.silence).toEqual([true]);
    w.client.end();
    expect(w.silence).toEqual([true, false]);
  });
});
