/**
 * The few lines of Python that load an exported model and its weights, shown
 * on the page next to the download buttons and in the README (a test runs them
 * in real PyTorch, and checks the README's copy).
 */
export interface SnippetOptions {
  /** The exported .py file, without ".py" (default "model"). */
  module?: string;
  /** The class in it (default "Net"). */
  className?: string;
  /** The weights file (default "model.safetensors"). */
  weights?: string;
}

/** Python that builds the exported class and loads the .safetensors file into it, strictly. */
export function pythonLoadSnippet(options: SnippetOptions = {}): string {
  const { module = 'model', className = 'Net', weights = 'model.safetensors' } = options;
  return [
    'from safetensors.torch import load_file  # pip install safetensors',
    `from ${module} import ${className}  # the exported ${module}.py`,
    '',
    `model = ${className}()`,
    `model.load_state_dict(load_file("${weights}"), strict=True)`,
    'model.eval()  # then model(x) for a batch x shaped like the input',
  ].join('\n');
}
