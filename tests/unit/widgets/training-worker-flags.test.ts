// The page's URL flags reach the trainer worker through its name (trainer.worker.ts reads them).
import { describe, expect, it } from 'vitest';
import { trainerWorkerName } from '../../../components/widgets/training/trainer-client.ts';

describe('trainerWorkerName', () => {
  it('is the plain name without flags, and ignores other values and parameters', () => {
    expect(trainerWorkerName('')).toBe('convlab-trainer');
    expect(trainerWorkerName('?workers=2&backend=wasm&memory=shared&lr=0.1')).toBe('convlab-trainer');
  });

  it('passes one worker, the fast backend and message passing on', () => {
    expect(trainerWorkerName('?workers=1')).toBe('convlab-trainer workers=1');
    expect(trainerWorkerName('?backend=fast&memory=messages&workers=1')).toBe('convlab-trainer workers=1 backend=fast transport=messages');
  });
});
