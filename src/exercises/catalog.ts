/**
 * The exercises of every lesson, in course order. A lesson's folder under
 * `lessons/` exports `exercises`: every version of every exercise it has,
 * old versions included (see README.md beside this file).
 */
import type { AnyExercise } from './types.ts';
import { exercises as convolution } from './lessons/convolution/index.ts';
import { exercises as outputSize } from './lessons/output-size/index.ts';
import { exercises as pooling } from './lessons/pooling/index.ts';

export const allExercises: readonly AnyExercise[] = [...convolution, ...outputSize, ...pooling];
