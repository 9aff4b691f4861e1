/**
 * Errors that say which layer failed. A shape mistake deep inside a model is
 * hard to find from the op's message alone ("mat1 and mat2 shapes cannot be
 * multiplied"); prefixing the layer's dotted name and type points at the line
 * of the model definition to fix.
 */

/** An error raised inside a named layer: "layer 'classifier.1' (Linear): <reason>" (the root: "ResNet: <reason>"). */
export class LayerError extends Error {
  /** Dotted name of the layer, as in `namedModules()` ("features.0"). */
  readonly layerName: string;
  /** The layer's type ("Conv2d"). */
  readonly layerType: string;
  /** What went wrong, without the layer prefix. */
  readonly reason: string;

  constructor(layerName: string, layerType: string, reason: string, cause?: unknown) {
    // The root of a model has no name; its type alone identifies it.
    const where = layerName === '' ? layerType : `layer '${layerName}' (${layerType})`;
    super(`${where}: ${reason}`, cause === undefined ? undefined : { cause });
    this.name = 'LayerError';
    this.layerName = layerName;
    this.layerType = layerType;
    this.reason = reason;
  }
}

/**
 * Runs `fn`, a container's call of its child `childName`, and names that child in
 * whatever it throws. An error that already names a layer inside the child keeps
 * that layer and gains the child's name as a prefix, so the message that reaches
 * the user names the innermost layer by its full dotted name.
 */
export function inLayer<T>(childName: string, childType: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof LayerError) {
      throw new LayerError(joinName(childName, error.layerName), error.layerType, error.reason, error.cause ?? error);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new LayerError(childName, childType, reason, error);
  }
}

/** "features" + "0" -> "features.0"; an empty prefix (the root) adds nothing. */
export function joinName(prefix: string, name: string): string {
  if (prefix === '') return name;
  if (name === '') return prefix;
  return `${prefix}.${name}`;
}
