/**
 * The frame every widget sits in: a titled figure on the --surface background, with an
 * optional caption below. Styles: `.cl-widget*` in kit.css.
 */
import type { ComponentChildren } from 'preact';

/** Props of {@link WidgetFrame}. */
export interface WidgetFrameProps {
  /** Short title shown at the top (already in the page's language). */
  title: string;
  /** One or two sentences under the widget saying what to try or what it shows. */
  caption?: ComponentChildren;
  /** Extra class names for the figure, e.g. the widget's own root class. */
  class?: string;
  children: ComponentChildren;
}

/** A titled figure wrapping a widget. */
export function WidgetFrame({ title, caption, class: className, children }: WidgetFrameProps) {
  return (
    <figure class={className ? `cl-widget ${className}` : 'cl-widget'}>
      <figcaption class="cl-widget__title">{title}</figcaption>
      {children}
      {caption !== undefined && <p class="cl-widget__caption">{caption}</p>}
    </figure>
  );
}
