/** The predict-first mode's words in English (this file defines the shape). */
export const en = {
  toggle: 'Predict first',
  toggleHint: 'Type your prediction before the engine shows its answer.',
  heading: 'Your prediction',
  reveal: 'Check my prediction',
  skip: 'Just show me',
  notANumber: (label: string) => `${label}: type a number (or choose “Just show me”).`,
  right: (label: string, value: string) => `${label}: you predicted ${value}, and the engine agrees.`,
  wrong: (label: string, typed: string, value: string) => `${label}: you predicted ${typed}; the engine says ${value}.`,
  skipped: 'Shown without a prediction.',
  score: (right: number, total: number) => `${right} of ${total} right.`,
};

export type PredictStrings = typeof en;
