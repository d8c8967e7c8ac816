// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { CodeField, type CodeFieldProps } from './code-field.tsx';
import type { CodeEditorOptions, MountedEditor } from './monaco-setup.ts';

// Monaco itself cannot run in happy-dom; this stands in for the lazily loaded chunk.
const monaco = vi.hoisted(() => ({
  fail: false,
  mounted: [] as { options: CodeEditorOptions; editor: MountedEditor }[],
}));
vi.mock('./monaco-setup.ts', () => ({
  mountCodeEditor(container: HTMLElement, options: CodeEditorOptions): MountedEditor {
    if (monaco.fail) throw new Error('chunk failed to load');
    const view = document.createElement('div');
    view.dataset.fakeMonaco = options.language;
    view.textContent = options.value;
    container.append(view);
    const editor: MountedEditor = {
      focus: vi.fn(),
      setValue: vi.fn((value: string) => {
        view.textContent = value;
      }),
      setMarkers: vi.fn(),
      update: vi.fn(),
      addTypes: vi.fn(() => () => undefined),
      dispose: vi.fn(() => view.remove()),
    };
    monaco.mounted.push({ options, editor });
    return editor;
  },
}));

function Harness(props: Partial<CodeFieldProps> & { initial?: string }) {
  const { initial = '', ...rest } = props;
  const [value, setValue] = useState(initial);
  return (
    <>
      <CodeField id="code" label="Body" language="json" value={value} onChange={setValue} {...rest} />
      <button onClick={() => setValue('{"reset": true}')}>reset</button>
      <output data-testid="value">{value}</output>
    </>
  );
}

beforeEach(() => {
  useLocale.getState().setLocale('en');
  monaco.fail = false;
  monaco.mounted = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CodeField without Monaco (textarea)', () => {
  it('edits the text in a labelled textarea', async () => {
    const user = userEvent.setup();
    render(<Harness language="javascript" />);
    const textarea = screen.getByRole('textbox', { name: 'Body' });
    expect(textarea.tagName).toBe('TEXTAREA');
    await user.type(textarea, 'return 1;');
    expect(screen.getByTestId('value').textContent).toBe('return 1;');
    expect(screen.queryByTestId('monaco-container')?.hidden).toBe(true);
  });

  it('shows a JSON parse error with its position and marks the field invalid', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const textarea = screen.getByRole('textbox', { name: 'Body' });
    await user.type(textarea, '{{"a": tru}');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(textarea.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Not valid JSON at line 1, column 7: unexpected “t”');
    await user.clear(textarea);
    await user.type(textarea, '{{"a": true}');
    expect(textarea.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.queryByText(/Not valid JSON/)).toBeNull();
  });

  it('explains JSON errors in Spanish', async () => {
    act(() => useLocale.getState().setLocale('es'));
    render(<Harness initial={'{"a": 1'} />);
    expect(
      screen.getByText('JSON no válido en la línea 1, columna 8: el texto termina antes de tiempo'),
    ).toBeTruthy();
  });

  it('does not check languages other than JSON', () => {
    render(<Harness language="liquid" initial="{% if x %}" />);
    expect(screen.getByRole('textbox', { name: 'Body' }).hasAttribute('aria-invalid')).toBe(false);
  });

  it('keeps outside descriptions and the invalid flag from its form', () => {
    render(
      <>
        <p id="outside">From the server</p>
        <Harness initial="{}" invalid describedBy="outside" required readOnly />
      </>,
    );
    const textarea = screen.getByRole('textbox', { name: 'Body' });
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(textarea.getAttribute('aria-describedby')).toBe('outside');
    expect(textarea.getAttribute('aria-required')).toBe('true');
    expect(textarea.hasAttribute('disabled')).toBe(true);
  });

  it('never starts loading Monaco where there are no Web Workers', async () => {
    render(<Harness initial="{}" />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(monaco.mounted).toHaveLength(0);
    expect(screen.getByRole('textbox', { name: 'Body' }).hidden).toBe(false);
  });
});

describe('CodeField with Monaco', () => {
  beforeEach(() => vi.stubGlobal('Worker', class {}));

  it('swaps the textarea for the lazily loaded editor and keeps both in sync', async () => {
    const { unmount } = render(<Harness initial='{"a": 1}' template />);
    await waitFor(() => expect(monaco.mounted).toHaveLength(1));
    const [{ options, editor }] = monaco.mounted as [(typeof monaco.mounted)[number]];
    expect(options).toMatchObject({ language: 'json', template: true, value: '{"a": 1}', ariaLabel: 'Body' });
    await waitFor(() => expect(screen.getByTestId('monaco-container').hidden).toBe(false));
    expect(document.querySelector('textarea')?.hidden).toBe(true);
    expect(screen.getByRole('group', { name: 'Body' })).toBe(screen.getByTestId('monaco-container'));

    // Typing in Monaco reaches the form, without being pushed back into the editor.
    act(() => options.onChange('{"a": 2}'));
    expect(screen.getByTestId('value').textContent).toBe('{"a": 2}');
    expect(editor.setValue).not.toHaveBeenCalledWith('{"a": 2}');

    // A change from outside (undo on the canvas, another user) reaches Monaco.
    await userEvent.setup().click(screen.getByRole('button', { name: 'reset' }));
    expect(editor.setValue).toHaveBeenLastCalledWith('{"reset": true}');

    expect(options.describeProblem({ kind: 'end', line: 2, column: 1 })).toBe(
      'Not valid JSON at line 2, column 1: the text ends too early',
    );
    unmount();
    expect(editor.dispose).toHaveBeenCalled();
  });

  it('keeps the textarea when Monaco fails to load', async () => {
    monaco.fail = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Harness initial="{}" />);
    await waitFor(() => expect(warn).toHaveBeenCalled());
    const textarea = screen.getByRole('textbox', { name: 'Body' });
    expect(textarea.hidden).toBe(false);
    await userEvent.setup().type(textarea, ' ');
    expect(screen.getByTestId('value').textContent).toBe('{} ');
    warn.mockRestore();
  });
});
