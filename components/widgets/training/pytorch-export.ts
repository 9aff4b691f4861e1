/**
 * A model trained on the dashboard, as PyTorch wants it: `model.py` (the
 * network as an `nn.Module` class) and `model.safetensors` (its state dict
 * under PyTorch's names), plus the lines of Python that load them. The
 * dashboard's own weights file is the single source: it is read back with
 * `importWeights`, exactly as the network explorer opens a saved model, so the
 * files equal what the explorer would export for the same model (and
 * tests/unit/widgets/training-pytorch.test.ts runs them in PyTorch).
 */
import { exportPyTorch, pythonLoadSnippet, saveSafetensors } from '../../../src/explorer/index.ts';
import { importWeights } from '../../../src/training/weights.ts';
import type { ArchitectureSpec } from '../../../src/training/config.ts';

/**
 * Whether the dashboard can write model.py for an architecture. The explorer's
 * exporter writes chains of layers; miniResNet's forward adds skip connections
 * (a ResidualNet), which it does not write, so the dashboard says so instead of
 * offering a download that would fail. tests/unit/training/zoo.test.ts runs the
 * others in PyTorch.
 */
export function pytorchExportable(arch: ArchitectureSpec): boolean {
  return !(arch.kind === 'zoo' && arch.model === 'miniResNet');
}

/** The file names the snippet loads; fixed, so the snippet never needs editing. */
export const PYTORCH_CODE_FILE = 'model.py';
export const PYTORCH_WEIGHTS_FILE = 'model.safetensors';

export interface PyTorchFiles {
  /** `model.py`: imports and `class Net(nn.Module)`. */
  code: string;
  /** `model.safetensors`: every parameter and buffer, as `load_state_dict(strict=True)` expects. */
  weights: Uint8Array;
  /** How to load both in Python. */
  snippet: string;
  /** The input one image takes, batch first ([1, 1, 28, 28] for MNIST). */
  inputShape: number[];
}

/** Converts a dashboard weights file (.clw). Throws the weights file's own error for a bad file. */
export function pytorchFiles(weightsFile: Uint8Array): PyTorchFiles {
  const { built, header } = importWeights(weightsFile);
  const inputShape = [1, ...header.inputShape];
  return {
    code: exportPyTorch(built.model, { input: inputShape }),
    weights: saveSafetensors(built.model, { source: 'ConvLab training dashboard', dataset: header.dataset }),
    snippet: pythonLoadSnippet(),
    inputShape,
  };
}
