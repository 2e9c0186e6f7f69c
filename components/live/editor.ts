/**
 * The listing editor: CodeMirror 6, loaded only when the reader presses Edit (or opens
 * a shared link with edited code). Its colours are Starlight's code theme (Night Owl,
 * as Expressive Code renders the static listing), dark and light, switched by the same
 * `data-theme` attribute, so pressing Edit changes nothing but the caret.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting, bracketMatching, indentOnInput } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags as t } from '@lezer/highlight';

/** A token colour: a CSS variable of src/styles/live-code.css, with Night Owl's dark and light values. */
const c = (name: string) => `var(--lc-${name})`;

const bookHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier], color: c('keyword') },
  { tag: [t.string, t.special(t.string), t.regexp], color: c('string') },
  { tag: [t.number], color: c('number') },
  { tag: [t.bool, t.null, t.atom], color: c('atom') },
  { tag: [t.comment, t.lineComment, t.blockComment], color: c('comment') },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: c('function') },
  { tag: [t.typeName, t.className, t.namespace], color: c('type') },
  { tag: [t.operator, t.arithmeticOperator, t.logicOperator, t.compareOperator, t.definitionOperator], color: c('operator') },
  { tag: [t.punctuation, t.paren, t.brace, t.squareBracket, t.separator], color: c('punctuation') },
  { tag: [t.propertyName], color: c('property') },
  { tag: [t.variableName, t.definition(t.variableName)], color: c('variable') },
]);

const bookTheme = EditorView.theme({
  '&': {
    color: 'var(--ec-codeFg)',
    backgroundColor: 'var(--ec-frm-edBg)',
    fontSize: 'var(--sl-text-code)',
    border: '1px solid var(--ec-brdCol)',
    borderRadius: '0.25rem',
  },
  '.cm-content': { fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)', padding: '0.75rem 0', caretColor: 'var(--ec-codeFg)' },
  '.cm-scroller': { fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)', lineHeight: 'var(--sl-line-height)' },
  '.cm-gutters': { backgroundColor: 'var(--ec-frm-edBg)', color: 'var(--sl-color-gray-3)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--ec-codeFg) 6%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--ec-codeFg)' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '1px' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--ec-codeSelBg) !important' },
  '.cm-line.error-line': { backgroundColor: 'color-mix(in srgb, #e5484d 18%, transparent)' },
});

export interface ListingEditor {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
}

export function createEditor(host: HTMLElement, code: string, label: string, onChange: (code: string) => void, onRun: () => void): ListingEditor {
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        javascript({ typescript: true }),
        syntaxHighlighting(bookHighlight),
        bookTheme,
        // Ctrl/Cmd-Enter runs; Tab indents, and Escape then Tab leaves the editor (CodeMirror's rule).
        keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
