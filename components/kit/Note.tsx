/**
 * A short notice inside a widget, such as a link that asked for settings the widget
 * cannot use. It is a polite live region (`role="status"`): screen readers read it
 * when it appears without interrupting. Styles: `.cl-note` in kit.css.
 */
import type { ComponentChildren } from 'preact';

/** Props of {@link Note}. */
export interface NoteProps {
  children: ComponentChildren;
  /** The widget's own class for the note, beside `cl-note`. */
  class?: string;
  /** `data-testid`, for browser tests. */
  testId?: string;
}

/** A notice the reader should see but need not act on at once. */
export function Note({ children, class: className, testId }: NoteProps) {
  return (
    <p class={className ? `cl-note ${className}` : 'cl-note'} role="status" data-testid={testId}>
      {children}
    </p>
  );
}
