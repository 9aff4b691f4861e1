/**
 * The curves the dashboard charts: training loss and accuracy from the
 * worker's progress events, test loss and accuracy from its evaluations (the
 * whole test set at each epoch's end, and a fixed sample of it every few seconds).
 *
 * A long run sends thousands of progress events; a chart needs a few hundred
 * points. When the training series reaches `maxPoints`, neighbouring points are
 * merged in pairs (weighted by the images each stands for), so memory and
 * drawing time stay bounded and the curve keeps its shape.
 */

/** One point of the training curves. */
export interface TrainPoint {
  /** Epochs done, fractional (the x axis). */
  epoch: number;
  step: number;
  loss: number;
  /** 0..1 */
  accuracy: number;
  /** Progress events merged into this point (its weight when merged again). */
  weight: number;
}

/** One evaluation on the test set. */
export interface TestPoint {
  epoch: number;
  step: number;
  loss: number;
  accuracy: number;
}

/** The series of one run. */
export interface RunHistory {
  train: TrainPoint[];
  /** The whole test set, scored at each epoch's end (or on request). */
  test: TestPoint[];
  /** The fixed test sample, scored while training runs. */
  subset: TestPoint[];
}

/** Most training points kept before merging. */
export const MAX_TRAIN_POINTS = 400;

/** An empty history. */
export function emptyHistory(): RunHistory {
  return { train: [], test: [], subset: [] };
}

function merge(a: TrainPoint, b: TrainPoint): TrainPoint {
  const weight = a.weight + b.weight;
  return {
    epoch: b.epoch,
    step: b.step,
    loss: (a.loss * a.weight + b.loss * b.weight) / weight,
    accuracy: (a.accuracy * a.weight + b.accuracy * b.weight) / weight,
    weight,
  };
}

/** The history with one more training point (a new object; the old one is unchanged). */
export function addTrainPoint(history: RunHistory, point: Omit<TrainPoint, 'weight'>, maxPoints = MAX_TRAIN_POINTS): RunHistory {
  if (!Number.isFinite(point.loss) || !Number.isFinite(point.accuracy)) return history;
  // A step backwards means a new run (reset): start the curves again.
  const previous = history.train[history.train.length - 1];
  const base = previous && point.step <= previous.step ? [] : history.train;
  let train = [...base, { ...point, weight: 1 }];
  if (train.length > maxPoints) {
    const halved: TrainPoint[] = [];
    for (let i = 0; i + 1 < train.length; i += 2) halved.push(merge(train[i], train[i + 1]));
    if (train.length % 2 === 1) halved.push(train[train.length - 1]);
    train = halved;
  }
  const sameRun = base === history.train;
  return { train, test: sameRun ? history.test : [], subset: sameRun ? history.subset : [] };
}

function withPoint(series: readonly TestPoint[], point: TestPoint): TestPoint[] {
  const out = series.filter((p) => p.step !== point.step);
  out.push({ ...point });
  return out.sort((a, b) => a.step - b.step);
}

/** The history with one more evaluation (replacing an earlier one at the same step). */
export function addTestPoint(history: RunHistory, point: TestPoint): RunHistory {
  if (!Number.isFinite(point.accuracy)) return history;
  return { ...history, test: withPoint(history.test, point) };
}

/** The history with one more score of the test sample (replacing an earlier one at the same step). */
export function addSubsetPoint(history: RunHistory, point: TestPoint): RunHistory {
  if (!Number.isFinite(point.accuracy)) return history;
  return { ...history, subset: withPoint(history.subset, point) };
}
