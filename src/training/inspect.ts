/**
 * Looking inside a forward pass: every layer's output, as PyTorch code gets
 * them with forward hooks (`register_forward_hook`).
 */
import { nn } from '../engine/index.ts';
import type { Tensor } from '../engine/index.ts';

/** One leaf layer's output during a recorded forward pass. */
export interface LayerRecord {
  /** Dotted name ("features.0"). */
  name: string;
  /** Engine type ("Conv2d"). */
  type: string;
  output: Tensor;
  /** A convolution's weight [Cout, Cin, kH, kW]. */
  filters?: Tensor;
}

/**
 * Runs `model.forward(x)` and records the output of every leaf layer (one
 * without submodules) in the order they ran. Each leaf's `forward` is wrapped
 * for the duration of the call only, on the instance, so the model is exactly
 * as before afterwards, even if the forward pass throws.
 */
export function forwardRecording(model: nn.Module, x: Tensor): { output: Tensor; records: LayerRecord[] } {
  const records: LayerRecord[] = [];
  const wrapped: nn.Module[] = [];
  try {
    for (const [name, module] of model.namedModules()) {
      if (module.children().length > 0) continue;
      const original = module.forward;
      Object.defineProperty(module, 'forward', {
        configurable: true,
        writable: true,
        value: (input: Tensor): Tensor => {
          const output = original.call(module, input);
          const filters = module instanceof nn.Conv2d ? module.getParameter('weight') : undefined;
          records.push({ name, type: module.typeName, output, ...(filters ? { filters } : {}) });
          return output;
        },
      });
      wrapped.push(module);
    }
    return { output: model.forward(x), records };
  } finally {
    for (const module of wrapped) delete (module as { forward?: unknown }).forward;
  }
}
