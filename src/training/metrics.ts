/**
 * The numbers a training dashboard shows: running loss and accuracy, speed and
 * time left, and the scores of a classifier (per-row softmax, confusion matrix).
 */

/** Sums of loss and correct answers over some batches, read and reset together. */
export class RunningStats {
  #lossSum = 0;
  #correct = 0;
  #count = 0;

  /** Adds a batch: its mean loss, how many it got right, its size. */
  add(meanLoss: number, correct: number, count: number): void {
    this.#lossSum += meanLoss * count;
    this.#correct += correct;
    this.#count += count;
  }

  /** Images added since the last `take`. */
  get count(): number {
    return this.#count;
  }

  /** Mean loss and accuracy since the last `take`, then starts afresh. NaN when empty. */
  take(): { loss: number; accuracy: number } {
    const out = { loss: this.#lossSum / this.#count, accuracy: this.#correct / this.#count };
    this.#lossSum = 0;
    this.#correct = 0;
    this.#count = 0;
    return out;
  }
}

/**
 * Images per second over roughly the last `windowSeconds` of training time.
 * Only time spent training counts, so a pause does not drag the speed down,
 * and a recent window follows the speed as it changes (a browser tab slowed in
 * the background, say).
 */
export class ThroughputMeter {
  readonly #window: number;
  #entries: { images: number; seconds: number }[] = [];
  #images = 0;
  #seconds = 0;

  constructor(windowSeconds = 3) {
    if (!(windowSeconds > 0)) throw new Error(`ThroughputMeter: windowSeconds must be positive, got ${windowSeconds}`);
    this.#window = windowSeconds;
  }

  /** Records that `images` were trained in `seconds`. */
  add(images: number, seconds: number): void {
    this.#entries.push({ images, seconds });
    this.#images += images;
    this.#seconds += seconds;
    // Keep at least one entry, however long it took.
    while (this.#entries.length > 1 && this.#seconds - this.#entries[0].seconds >= this.#window) {
      const old = this.#entries.shift()!;
      this.#images -= old.images;
      this.#seconds -= old.seconds;
    }
  }

  /** Images per second in the window; 0 before any measurement. */
  get imagesPerSec(): number {
    return this.#seconds > 0 ? this.#images / this.#seconds : 0;
  }

  /** Seconds to train `images` more at the current speed; Infinity before any measurement. */
  etaSeconds(images: number): number {
    if (images <= 0) return 0;
    const rate = this.imagesPerSec;
    return rate > 0 ? images / rate : Infinity;
  }

  /** Forgets every measurement. */
  reset(): void {
    this.#entries = [];
    this.#images = 0;
    this.#seconds = 0;
  }
}

/** A classes x classes matrix of zeros: `confusion[label][predicted]`. */
export function emptyConfusion(classes: number): number[][] {
  return Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
}

/** The index of the largest of `length` values starting at `offset` (the first on ties). */
export function argmaxRow(values: ArrayLike<number>, offset: number, length: number): number {
  let best = offset;
  for (let i = offset + 1; i < offset + length; i++) if (values[i] > values[best]) best = i;
  return best - offset;
}

/**
 * Per-row softmax of [rows, classes] scores, and each row's cross-entropy for
 * its label, computed stably (shifting by the row's maximum). Returns the
 * probabilities and the summed loss.
 */
export function softmaxRows(
  logits: ArrayLike<number>,
  rows: number,
  classes: number,
  labels?: ArrayLike<number>,
): { probabilities: Float32Array; lossSum: number } {
  const probabilities = new Float32Array(rows * classes);
  let lossSum = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[o + c]);
    let total = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(logits[o + c] - max);
      probabilities[o + c] = e;
      total += e;
    }
    for (let c = 0; c < classes; c++) probabilities[o + c] /= total;
    if (labels) lossSum += Math.log(total) + max - logits[o + labels[r]];
  }
  return { probabilities, lossSum };
}

/** Accuracy from a confusion matrix: the diagonal over the total. */
export function confusionAccuracy(confusion: readonly (readonly number[])[]): number {
  let right = 0;
  let total = 0;
  confusion.forEach((row, label) =>
    row.forEach((n, predicted) => {
      total += n;
      if (label === predicted) right += n;
    }),
  );
  return total > 0 ? right / total : NaN;
}
