// Loaded only through `import()` from CodeField, so Monaco (several MB) is a chunk of its own that
// the first screen never downloads. Everything comes from the local monaco-editor package: the
// workers are bundled by Vite's `?worker` imports, nothing is fetched from a CDN.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { javascriptDefaults, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { findJsonProblem, type JsonProblem } from './json-problem.ts';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

// Plain JSON fields are checked by Monaco's JSON service, strictly, as the runtime parses them.
jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  schemaValidation: 'ignore',
  enableSchemaRequest: false,
});

// JSON with Liquid inside (an http.request body) is not JSON until rendered, so Monaco's JSON
// service would flag every `{{ }}`. It gets its own highlighting and our template-aware check.
const templateJson = 'omniflow-json-template';
monaco.languages.register({ id: templateJson, aliases: ['JSON with Liquid'] });
monaco.languages.setLanguageConfiguration(templateJson, {
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}', notIn: ['string'] },
    { open: '[', close: ']', notIn: ['string'] },
    { open: '"', close: '"', notIn: ['string'] },
  ],
});
monaco.languages.setMonarchTokensProvider(templateJson, {
  tokenizer: {
    root: [
      [/\{\{/, { token: 'delimiter.bracket', next: '@output' }],
      [/\{%/, { token: 'delimiter.bracket', next: '@tag' }],
      [/"/, { token: 'string', next: '@string' }],
      [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/\b(true|false|null)\b/, 'keyword'],
      [/[{}[\],:]/, 'delimiter'],
    ],
    string: [
      [/\{\{/, { token: 'delimiter.bracket', next: '@output' }],
      [/[^"\\{]+/, 'string'],
      [/\\./, 'string.escape'],
      [/\{/, 'string'],
      [/"/, { token: 'string', next: '@pop' }],
    ],
    output: [
      [/\}\}/, { token: 'delimiter.bracket', next: '@pop' }],
      [/[^}]+/, 'variable'],
      [/\}/, 'variable'],
    ],
    tag: [
      [/%\}/, { token: 'delimiter.bracket', next: '@pop' }],
      [/[^%]+/, 'keyword'],
      [/%/, 'keyword'],
    ],
  },
});

export interface CodeEditorOptions {
  language: string;
  template: boolean;
  value: string;
  ariaLabel: string;
  readOnly: boolean;
  onChange(value: string): void;
  /** Words for a problem found by findJsonProblem, in the UI language. */
  describeProblem(problem: JsonProblem): string;
}

/** A problem the server found at a line (a template's Liquid or MJML), drawn under that line. */
export interface LineMarker {
  line: number;
  column?: number;
  message: string;
}

/** The few things CodeField does with a mounted editor; keeps Monaco's types inside this chunk. */
export interface MountedEditor {
  focus(): void;
  setValue(value: string): void;
  setMarkers(markers: readonly LineMarker[]): void;
  update(options: { readOnly: boolean; ariaLabel: string }): void;
  /** Declarations the JavaScript/TypeScript services know (a script's context); returns its removal. */
  addTypes(declarations: string): () => void;
  dispose(): void;
}

// A code node's script is a function body: a top-level `return` and `await` are right there
// (TS1108 return outside a function, TS1375/TS1378 top-level await).
for (const defaults of [javascriptDefaults, typescriptDefaults]) {
  defaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: [1108, 1375, 1378] });
}

function languageId(language: string, template: boolean): string {
  if (language === 'json' && template) return templateJson;
  return monaco.languages.getLanguages().some((known) => known.id === language) ? language : 'plaintext';
}

export function mountCodeEditor(container: HTMLElement, options: CodeEditorOptions): MountedEditor {
  const language = languageId(options.language, options.template);
  const model = monaco.editor.createModel(options.value, language);
  const editor = monaco.editor.create(container, {
    model,
    ariaLabel: options.ariaLabel,
    readOnly: options.readOnly,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    fontSize: 13,
    lineNumbersMinChars: 3,
    fixedOverflowWidgets: true,
    // Tab moves to the next control, so the inspector stays keyboard navigable (Ctrl+M toggles).
    tabFocusMode: true,
  });

  const checkTemplateJson = () => {
    if (language !== templateJson) return;
    const problem = findJsonProblem(model.getValue(), { template: true });
    const line = problem?.line ?? 1;
    const column = problem?.column ?? 1;
    monaco.editor.setModelMarkers(
      model,
      'omniflow',
      problem
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: options.describeProblem(problem),
              startLineNumber: line,
              startColumn: column,
              endLineNumber: line,
              endColumn: column + 1,
            },
          ]
        : [],
    );
  };
  checkTemplateJson();

  let applying = false;
  const subscription = model.onDidChangeContent(() => {
    checkTemplateJson();
    if (!applying) options.onChange(model.getValue());
  });

  return {
    focus: () => editor.focus(),
    setValue(value) {
      if (value === model.getValue()) return;
      applying = true;
      try {
        // pushEditOperations keeps the user's undo history, unlike model.setValue.
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
      } finally {
        applying = false;
      }
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        'omniflow-server',
        markers.map((marker) => ({
          severity: monaco.MarkerSeverity.Error,
          message: marker.message,
          startLineNumber: marker.line,
          startColumn: marker.column ?? 1,
          endLineNumber: marker.line,
          endColumn: model.getLineMaxColumn(Math.min(Math.max(marker.line, 1), model.getLineCount())),
        })),
      );
    },
    update: ({ readOnly, ariaLabel }) => editor.updateOptions({ readOnly, ariaLabel }),
    addTypes(declarations) {
      const uri = 'file:///omniflow-script-context.d.ts';
      const added = [javascriptDefaults, typescriptDefaults].map((d) => d.addExtraLib(declarations, uri));
      return () => added.forEach((lib) => lib.dispose());
    },
    dispose() {
      subscription.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
