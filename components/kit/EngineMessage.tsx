/**
 * The engine's own words beside the widget's sentence. Engine errors are in English,
 * as PyTorch's are, and exact (a learner may search for them); a Korean page puts its
 * own sentence first and shows the engine's message under it, labelled as the engine's
 * and marked `lang="en"` so screen readers pronounce it as English. Styles:
 * `.cl-engine-message` in kit.css.
 */

/** Props of {@link EngineMessage}. */
export interface EngineMessageProps {
  /** Frames the message, in the page's language ("The engine's message:"). */
  label: string;
  message: string;
}

/** The labelled, verbatim engine message. */
export function EngineMessage({ label, message }: EngineMessageProps) {
  return (
    <p class="cl-engine-message">
      <span class="cl-engine-message__label">{label}</span> <code lang="en">{message}</code>
    </p>
  );
}
