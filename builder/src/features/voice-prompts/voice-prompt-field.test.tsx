// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { NodeForm } from '../inspector/node-form.tsx';
import { useVoicePromptStore, withPromptNames } from './use-voice-prompts.ts';

useComponentTestHooks();
beforeEach(() => useVoicePromptStore.setState({ prompts: null, loading: false }));

const schema = {
  type: 'object',
  properties: {
    text: { type: 'string', ui: { label: { en: 'Text', es: 'Texto' } } },
    recordedPrompt: {
      type: 'string',
      ui: { widget: 'voice-prompt', label: { en: 'Recorded audio', es: 'Audio grabado' } },
    },
  },
  required: ['text'],
};

const prompt = (id: string, name: string) => ({
  id,
  name,
  reference: `prompt:${id}`,
  durationMs: 2400,
  bytes: 38444,
  contentType: 'audio/wav',
  audioUrl: `/api/v1/voice-prompts/${id}/audio`,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const welcome = prompt('0190b3c4-0000-7000-8000-000000000001', 'Bienvenida');
const hold = prompt('0190b3c4-0000-7000-8000-000000000002', 'Espera');

function Harness({ initial, seen }: { initial: Record<string, unknown>; seen: unknown[] }) {
  const [value, setValue] = useState(initial);
  return (
    <NodeForm
      schema={schema}
      value={value}
      idPrefix="t"
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe('VoicePromptField', () => {
  it('lists the prompts by name and picks one as prompt:<id>, or none to read the text', async () => {
    stubApi({ 'GET /voice-prompts': () => ({ items: [welcome, hold] }) });
    const seen: Record<string, unknown>[] = [];
    render(<Harness initial={{ text: 'Hola' }} seen={seen} />);
    await settle();
    expect(screen.getByText('Bienvenida')).toBeTruthy();
    expect(screen.getAllByText('2.4 s')).toHaveLength(2);
    fireEvent.click(screen.getByLabelText('Use Espera'));
    expect(seen.at(-1)).toEqual({ text: 'Hola', recordedPrompt: hold.reference });
    fireEvent.click(screen.getByLabelText('None: read the text aloud'));
    expect(seen.at(-1)).toEqual({ text: 'Hola' });
  });

  it('says so when the chosen prompt is gone from the workspace', async () => {
    stubApi({ 'GET /voice-prompts': () => ({ items: [hold] }) });
    render(<Harness initial={{ text: 'Hola', recordedPrompt: welcome.reference }} seen={[]} />);
    await settle();
    expect(screen.getByText(/no longer in the workspace/)).toBeTruthy();
  });

  it('uploads a file under the name given and chooses it; a refusal shows the server’s words', async () => {
    let answer: unknown = apiError(
      409,
      'VOICE_PROMPT_NAME_TAKEN',
      'There is already an audio called "Espera"',
    );
    stubApi({
      'GET /voice-prompts': () => ({ items: [hold] }),
      'POST /voice-prompts': () => answer,
    });
    const seen: Record<string, unknown>[] = [];
    render(<Harness initial={{ text: 'Hola' }} seen={seen} />);
    await settle();
    const file = new File([new Uint8Array([82, 73, 70, 70])], 'Espera.wav', { type: 'audio/wav' });
    fireEvent.change(screen.getByTestId('voice-prompt-upload'), { target: { files: [file] } });
    expect((screen.getByLabelText('Name of the audio') as HTMLInputElement).value).toBe('Espera');
    fireEvent.click(screen.getByText('Save the audio'));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('There is already an audio called');
    answer = welcome;
    fireEvent.change(screen.getByLabelText('Name of the audio'), { target: { value: 'Bienvenida' } });
    fireEvent.click(screen.getByText('Save the audio'));
    await settle();
    expect(seen.at(-1)).toEqual({ text: 'Hola', recordedPrompt: welcome.reference });
    expect(screen.getByText('Bienvenida')).toBeTruthy();
  });
});

describe('withPromptNames', () => {
  it('shows a card line’s prompt by its name, never its id', () => {
    expect(withPromptNames(welcome.reference, [welcome])).toBe('♪ Bienvenida');
    expect(withPromptNames(welcome.reference, [])).toBe('♪');
  });
});
