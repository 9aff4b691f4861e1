/**
 * The recorded degradation run (src/training/degradation/reference.json, written by
 * `npm run degradation:record`), typed, and the parameter count of each of its networks.
 */
import reference from '../../../src/training/degradation/reference.json';
import { buildNet, parameterCount } from '../../../src/training/degradation/experiment.ts';
import type { DegradationCurve, DegradationOptions, NetKind } from '../../../src/training/degradation/experiment.ts';

/** Settings and curves exactly as the script wrote them. */
export const recorded = reference as { settings: DegradationOptions; dataset: string; curves: DegradationCurve[] };

/** Trainable parameters of one network of the recorded setting. */
export function netParams(kind: NetKind, depth: number): number {
  return parameterCount(buildNet(kind, depth, recorded.settings));
}
