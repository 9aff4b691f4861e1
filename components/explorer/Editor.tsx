/**
 * The code editor: CodeMirror 6 with Python highlighting, the explorer's errors
 * and warnings as lint marks on their lines, and colours from the site's theme
 * tokens (explorer.css), so it follows the light and dark themes.
 *
 * Keyboard: Tab indents (Python needs it). Escape, then Tab or Shift+Tab, leaves
 * the editor (CodeMirror's tab-focus mode for two seconds); Ctrl+M (Shift+Alt+M
 * on macOS) toggles it for good. The page states this next to the editor.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { EditorState } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab, simplifySelection, temporarilySetTabFocusMode } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';

/** A mark in the editor: 1-based lines and columns, as the explorer reports them. */
export interface EditorMark {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  message: string;
}

/** What the page can ask of the editor. */
export interface EditorHandle {
  /** Puts the cursor at the start of `line` and focuses the editor. */
  goToLine(line: number): void;
}

export interface EditorProps {
  value: string;
  onChange: (code: string) => void;
  marks: readonly EditorMark[];
  /** id of the element that labels the editor. */
  labelledBy: string;
  /** id of the keyboard help. */
  describedBy: string;
  handle: { current: EditorHandle | null };
}

// Colours are CSS variables (explorer.css defines them for both themes).
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--xp-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--xp-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--xp-number)' },
  { tag: tags.comment, color: 'var(--xp-comment)', fontStyle: 'italic' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.className, tags.definition(tags.className)], color: 'var(--xp-definition)' },
  { tag: [tags.self, tags.special(tags.variableName)], color: 'var(--xp-keyword)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--fg)', fontSize: '0.9rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)', color: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--xp-warning)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--xp-warning)', textUnderlineOffset: '3px' },
});

function toLint(state: EditorState, marks: readonly EditorMark[]): LintDiagnostic[] {
  const doc = state.doc;
  const at = (line: number, column: number) => {
    const l = doc.line(Math.max(1, Math.min(doc.lines, line)));
    return Math.min(l.to, l.from + Math.max(0, column - 1));
  };
  return marks.map((m) => {
    let from = at(m.line, m.column);
    let to = Math.max(from, at(m.endLine, m.endColumn));
    // A mark with no width (a missing model, say) covers its whole line, so it can be seen.
    if (to === from) {
      const l = doc.lineAt(from);
      from = l.from;
      to = l.to;
    }
    return { from, to, severity: m.severity, message: m.message };
  });
}

export function Editor({ value, onChange, marks, labelledBy, describedBy, handle }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latestChange = useRef(onChange);
  latestChange.current = onChange;
  const [started, setStarted] = useState(false);
  // Texts this editor reported lately: their echo as `value` must not overwrite newer typing.
  const emitted = useRef<string[]>([]);

  useEffect(() => {
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      drawSelection(),
      history(),
      indentOnInput(),
      bracketMatching(),
      python(),
      syntaxHighlighting(highlight),
      lintGutter(),
      keymap.of([
        // Escape first drops a multiple selection, then lets Tab leave the editor.
        { key: 'Escape', run: (v) => { simplifySelection(v); return temporarilySetTabFocusMode(v); } },
        ...defaultKeymap,
        ...historyKeymap,
        indentWithTab,
      ]),
      theme,
      EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy, 'aria-describedby': describedBy, 'aria-multiline': 'true', tabindex: '0', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        const text = update.state.doc.toString();
        emitted.current = [...emitted.current.slice(-19), text];
        latestChange.current(text);
      }),
    ];
    const created = new EditorView({ state: EditorState.create({ doc: value, extensions }), parent: host.current! });
    view.current = created;
    setStarted(true);
    handle.current = {
      goToLine(line) {
        const doc = created.state.doc;
        const l = doc.line(Math.max(1, Math.min(doc.lines, line)));
        created.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
        created.focus();
      },
    };
    return () => {
      handle.current = null;
      created.destroy();
      view.current = null;
    };
  }, []);

  // Code set from outside (an example, the builder, the address) replaces the text as one undoable change.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current === value || emitted.current.includes(value)) return;
    emitted.current = [];
    v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(setDiagnostics(v.state, toLint(v.state, marks)));
  }, [marks, value]);

  return (
    <div class="xp-editor-wrap">
      {/* Before the editor starts (or without JavaScript) the code is still there to read. */}
      {!started && <pre class="xp-editor__static">{value}</pre>}
      <div class="xp-editor" ref={host} data-testid="xp-editor" />
    </div>
  );
}
