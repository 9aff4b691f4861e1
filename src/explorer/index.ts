/**
 * The network explorer's core, for the page and `npm run explorer`: parse a
 * subset of PyTorch (SUBSET.md) into a real engine model, trace its shapes
 * with the working shown, export it as PyTorch code. Weights go through
 * `.safetensors` files (src/engine/io/safetensors.ts, re-exported here).
 */
export { explore } from './explore.ts';
export type { ExploreOptions, ExploreResult, ExplorerRow } from './explore.ts';
export { formatDiagnostic, SourceText, ExplorerError } from './errors.ts';
export type { Diagnostic, DiagnosticKind, Frame, Location, Span } from './errors.ts';
export { shapeSteps, sideTex, OUTPUT_SIZE_FORMULA } from './tex.ts';
export type { ShapeStep } from './tex.ts';
export { exportPyTorch, layerCode, ExportError } from './export.ts';
export type { ExportOptions } from './export.ts';
export { EXAMPLES } from './examples.ts';
export type { ExplorerExample } from './examples.ts';
export { LAYER_NAMES } from './layers.ts';
export { ScriptedModule, ExplorerSequential } from './interpreter.ts';
export { ModuleList, LogSoftmax, Hardtanh, ReLU6, SiLU } from './extra-modules.ts';
export {
  readSafetensors,
  writeSafetensors,
  saveSafetensors,
  loadSafetensors,
  SafetensorsError,
  MAX_HEADER_BYTES,
} from '../engine/io/safetensors.ts';
export type { SafetensorsFile, SafetensorsEntry, SafetensorsInput } from '../engine/io/safetensors.ts';
export { pythonLoadSnippet } from './snippet.ts';
export type { SnippetOptions } from './snippet.ts';
