/**
 * The messages between a page and the trainer worker (`trainer.worker.ts`).
 *
 * The page posts {@link TrainerCommand}s; the worker answers with
 * {@link TrainerEvent}s. Everything is plain structured-clone data (numbers,
 * strings, arrays, typed arrays), so the same objects also go straight into
 * `TrainerSession.handle()` in Node tests, with no Worker at all.
 *
 * A typical session:
 *
 *   page: init {config}      worker: status loading, dataProgress..., ready {summary}, status idle
 *   page: start              worker: status running, progress..., subsetResult (every few seconds),
 *                            evalResult (each epoch), status done
 *   page: pause              worker: status paused (after the batch in flight)
 *   page: step               worker: progress (one batch), status paused
 *   page: inspect {7}        worker: inspection (between two batches, even while running)
 *   page: exportWeights      worker: weights {bytes}
 *
 * Replies. A command may carry an `id` (any number the page picks); every event
 * that answers that command carries the same `id`, so a page can match answers
 * to questions. Events the worker sends on its own (progress while running, the
 * evaluation at the end of an epoch) have no `id`.
 *
 * Errors. A command that fails (bad config, broken stack, corrupt weights file,
 * a command that needs `init` first) produces an `error` event with a message a
 * learner can read, and changes nothing: the model, the optimiser and the run
 * stay as they were. A crash of the worker itself reaches the page as the
 * Worker's own `error` event; saved models live in IndexedDB
 * (`src/training/store.ts`), so nothing saved is lost with it.
 *
 * Responsiveness. While running, the worker trains one batch, then yields to its
 * message queue, so `pause`, `step`, `inspect`, `classify` and `exportWeights`
 * are answered between two batches (a LeNet-5 batch of 64 takes tens of ms).
 */
import type { ArchitectureSpec, LayerSpec, OptimizerConfig, TrainConfig, TrainDataset } from './config.ts';

export type { ArchitectureSpec, LayerSpec, OptimizerConfig, TrainConfig, TrainDataset };

// ---------------------------------------------------------------------------
// Commands: page -> worker

/** Fields every command may carry. */
interface CommandBase {
  /** Echoed in every event that answers this command. */
  id?: number;
}

/**
 * Loads the dataset (reporting `dataProgress`), checks the architecture with
 * `summary`, builds the model with fresh seeded weights and the optimiser, and
 * answers `ready`. A second `init` replaces the run (the data stays cached).
 * On any error (a broken stack, say) the previous run, if any, is kept.
 */
export interface InitCommand extends CommandBase {
  type: 'init';
  config: TrainConfig;
  /**
   * Where the site serves its data files (`manifest.json` and the datasets),
   * including the site's base path: `${import.meta.env.BASE_URL}data/`.
   * Default '/data/'. Ignored in Node, which reads the npm packages.
   */
  dataUrl?: string;
}

/** Trains until `epochs` are done or `pause` arrives. Evaluates on the test set after every epoch. */
export interface StartCommand extends CommandBase {
  type: 'start';
}

/** Stops after the batch in flight. Harmless when not running. */
export interface PauseCommand extends CommandBase {
  type: 'pause';
}

/** Trains exactly one batch (pausing first if running), then reports `progress`. */
export interface StepCommand extends CommandBase {
  type: 'step';
}

/**
 * Back to step 0: fresh weights from the config's seed (or `seed` if given,
 * which then replaces the config's), a fresh optimiser, the first epoch's batch
 * order. Answers `ready`.
 */
export interface ResetCommand extends CommandBase {
  type: 'reset';
  seed?: number;
}

/** Evaluates the current weights on the test set now. Answers `evalResult`. */
export interface EvaluateCommand extends CommandBase {
  type: 'evaluate';
}

/**
 * The network's view of test image `testIndex`: every layer's activations
 * and the filters of every convolution. Answers `inspection`.
 */
export interface InspectCommand extends CommandBase {
  type: 'inspect';
  testIndex: number;
}

/**
 * Classifies a picture the learner drew: `pixels` is 28x28 = 784 values in
 * [0, 1], row by row, white ink (1) on black (0) as in MNIST. Answers `classification`.
 */
export interface ClassifyCommand extends CommandBase {
  type: 'classify';
  pixels: Float32Array | number[];
}

/** The current weights as a ConvLab weights file (src/training/WEIGHTS_FORMAT.md). Answers `weights`. */
export interface ExportWeightsCommand extends CommandBase {
  type: 'exportWeights';
}

/**
 * Replaces the run with a saved model: checks the file completely (magic,
 * version, lengths, checksum, header, architecture, names and shapes), builds a
 * fresh model from the file's architecture, loads the weights into it and only
 * then swaps it in. Answers `ready` (with `loaded` set). A bad file answers
 * `error` and leaves the current model as it was.
 */
export interface ImportWeightsCommand extends CommandBase {
  type: 'importWeights';
  bytes: Uint8Array;
  /** As in `init`: where the data files are, if this worker has not loaded any yet. */
  dataUrl?: string;
}

/**
 * Are you there? Answered with `pong` as soon as the worker's event loop is free:
 * between batches, between evaluation chunks, while data downloads. The page
 * pings when it has heard nothing for a while, to tell a long batch from a hang.
 */
export interface PingCommand extends CommandBase {
  type: 'ping';
}

/** Anything the page can ask of the trainer. */
export type TrainerCommand =
  | InitCommand
  | StartCommand
  | PauseCommand
  | StepCommand
  | ResetCommand
  | EvaluateCommand
  | InspectCommand
  | ClassifyCommand
  | ExportWeightsCommand
  | ImportWeightsCommand
  | PingCommand;

/** The `type` of each command. */
export type TrainerCommandType = TrainerCommand['type'];

// ---------------------------------------------------------------------------
// Events: worker -> page

/** Fields every event may carry. */
interface EventBase {
  /** The `id` of the command this answers, if it had one. */
  id?: number;
}

/** What the trainer is doing. */
export type TrainerState = 'empty' | 'loading' | 'idle' | 'running' | 'paused' | 'done';

/**
 * The trainer's state changed. 'empty': no run yet; 'loading': reading data;
 * 'idle': ready, not started; 'running'; 'paused'; 'done': all epochs trained.
 */
export interface StatusEvent extends EventBase {
  type: 'status';
  state: TrainerState;
}

/** Data arriving: bytes of the current download (both splits count towards one bar). */
export interface DataProgressEvent extends EventBase {
  type: 'dataProgress';
  loaded: number;
  total: number;
}

/** One row of the model summary, as `summary` traced it. */
export interface LayerInfo {
  /** Dotted name ("features.0"). */
  name: string;
  /** Engine type ("Conv2d", "Tanh"). */
  type: string;
  /** Output shape for one image, without the batch dimension ([6, 28, 28]). */
  outputShape: number[];
  /** Parameters this layer owns. */
  params: number;
}

/** The model is built and the data loaded: training can start. */
export interface ReadyEvent extends EventBase {
  type: 'ready';
  config: TrainConfig;
  layers: LayerInfo[];
  totalParams: number;
  /** Images in the training set used (after `trainLimit`). */
  trainCount: number;
  /** Images in the test set used (after `testLimit`). */
  testCount: number;
  stepsPerEpoch: number;
  /** Class names by label. */
  classes: string[];
  /** One image, [C, H, W]. */
  inputShape: number[];
  /** Steps already trained (0, or the saved count after `importWeights`). */
  step: number;
  /** Set when this model came from a weights file: what the file says about it. */
  loaded?: WeightsMetaInfo;
  /** The engine backend training runs on ('wasm' or 'fast'). */
  backend?: string;
  /** Workers each batch is split across: 2 (data-parallel, src/training/parallel.ts) or 1. */
  workers?: number;
  /** Whether the two workers share memory (a cross-origin isolated page) rather than pass messages. */
  sharedMemory?: boolean;
}

/** What a weights file says about the run that made it. */
export interface WeightsMetaInfo {
  dataset: TrainDataset;
  epochs: number;
  steps: number;
  testAccuracy: number | null;
  seed: number;
  /** ISO 8601. */
  date: string;
}

/**
 * Training moved on. Sent after a `step`, and while running at most every
 * ~100 ms (and at the end of each epoch), so a chart is not flooded.
 */
export interface ProgressEvent extends EventBase {
  type: 'progress';
  /** Current epoch, from 1. */
  epoch: number;
  /** Batches done in this epoch (1..stepsPerEpoch). */
  step: number;
  stepsPerEpoch: number;
  /** Batches done since the start of the run. */
  globalStep: number;
  /** Batches the whole run will take (epochs * stepsPerEpoch). */
  totalSteps: number;
  /** Training images per second, averaged over the last few seconds of training. */
  imagesPerSec: number;
  /** Seconds of training left at that speed (pauses excluded). */
  etaSeconds: number;
  /** Mean training loss over the batches since the previous progress event. */
  loss: number;
  /** Training accuracy (0..1) over the same batches. */
  trainAcc: number;
  /** Workers in use now (1 once a helper has failed); see `ReadyEvent.workers`. */
  workers?: number;
}

/** A misclassified test image. */
export interface Misclassified {
  /** Position in the test set (usable with `inspect`). */
  index: number;
  label: number;
  predicted: number;
  /** The model's probability for `predicted`. */
  confidence: number;
  /** The picture, C*H*W bytes 0..255, for a gallery. */
  image: Uint8Array;
}

/** The test set, scored with the current weights. */
export interface EvalResultEvent extends EventBase {
  type: 'evalResult';
  /** Epochs completed when it was measured (a fraction if mid-epoch). */
  epoch: number;
  globalStep: number;
  /** 0..1 */
  testAcc: number;
  /** Mean cross-entropy on the test set. */
  testLoss: number;
  /** confusion[label][predicted]: counts, classes x classes. */
  confusion: number[][];
  /** The first misclassified test images (at most 100), in test-set order. */
  misclassified: Misclassified[];
  /** How many test images were wrong in all. */
  misclassifiedCount: number;
}

/**
 * A fixed sample of the test set (`Trainer.testSubset`, spread evenly over it), scored
 * while training runs: every few seconds of training, so the page has a test accuracy
 * long before the first epoch's full evaluation. Sent on its own, without an `id`.
 */
export interface SubsetResultEvent extends EventBase {
  type: 'subsetResult';
  /** Epochs completed when it was measured, fractional. */
  epoch: number;
  globalStep: number;
  /** 0..1 on the sample. */
  testAcc: number;
  testLoss: number;
  /** Test images in the sample. */
  count: number;
}

/** One layer's view of the inspected image. */
export interface LayerInspection {
  name: string;
  type: string;
  /** Output shape for this image, without batch: [C, H, W] for maps, [F] for flat layers. */
  shape: number[];
  /** The layer's output for this image, row-major in `shape`. */
  activations: Float32Array;
  /** Convolutions: their weights, row-major in `filterShape` [Cout, Cin, kH, kW]. */
  filters?: Float32Array;
  filterShape?: number[];
}

/** Every layer's activations (and filters) for one test image. */
export interface InspectionEvent extends EventBase {
  type: 'inspection';
  testIndex: number;
  label: number;
  predicted: number;
  /** Softmax of the output, one per class. */
  probabilities: number[];
  /** The image itself, [C, H, W] in [0, 1]. */
  input: Float32Array;
  layers: LayerInspection[];
}

/** The answer to `classify`. */
export interface ClassificationEvent extends EventBase {
  type: 'classification';
  /** Softmax of the output, one per class. */
  probabilities: number[];
  predicted: number;
}

/** The answer to `exportWeights`: a ConvLab weights file. */
export interface WeightsEvent extends EventBase {
  type: 'weights';
  bytes: Uint8Array;
  /** A file name to suggest when downloading ("convlab-lenet5-mnist-98.6.clw"). */
  fileName: string;
  meta: WeightsMetaInfo;
}

/** Something went wrong; the message is meant for the learner. Nothing was changed. */
export interface ErrorEvent extends EventBase {
  type: 'error';
  message: string;
  /** The command that failed, if a command did. */
  command?: TrainerCommandType;
  /** For a broken stack: the index (from 0) and type of the layer at fault. */
  layerIndex?: number;
  layerType?: string;
}

/** The answer to `ping`. */
export interface PongEvent extends EventBase {
  type: 'pong';
}

/** Anything the trainer tells the page. */
export type TrainerEvent =
  | StatusEvent
  | DataProgressEvent
  | ReadyEvent
  | ProgressEvent
  | EvalResultEvent
  | SubsetResultEvent
  | InspectionEvent
  | ClassificationEvent
  | WeightsEvent
  | ErrorEvent
  | PongEvent;

/** The `type` of each event. */
export type TrainerEventType = TrainerEvent['type'];

/** The event of a given type, for typed handlers: `EventOf<'progress'>`. */
export type EventOf<T extends TrainerEventType> = Extract<TrainerEvent, { type: T }>;

/** Most misclassified images an `evalResult` carries. */
export const MAX_MISCLASSIFIED = 100;

/** The side of a picture `classify` takes, and its pixel count. */
export const CLASSIFY_SIZE = 28;
export const CLASSIFY_PIXELS = CLASSIFY_SIZE * CLASSIFY_SIZE;

/**
 * The buffers inside an event that can be transferred rather than copied
 * (`postMessage(event, transferables(event))`): the worker never reuses them.
 */
export function transferables(event: TrainerEvent): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (view: ArrayBufferView | undefined) => {
    if (view && view.buffer instanceof ArrayBuffer && !out.includes(view.buffer)) out.push(view.buffer);
  };
  switch (event.type) {
    case 'weights':
      add(event.bytes);
      break;
    case 'inspection':
      add(event.input);
      for (const layer of event.layers) {
        add(layer.activations);
        add(layer.filters);
      }
      break;
    case 'evalResult':
      for (const m of event.misclassified) add(m.image);
      break;
    default:
      break;
  }
  return out;
}
