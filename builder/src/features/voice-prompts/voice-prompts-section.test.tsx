// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { useVoicePromptStore } from './use-voice-prompts.ts';
import { VoicePromptsSection } from './voice-prompts-section.tsx';

useComponentTestHooks();
beforeEach(() => useVoicePromptStore.setState({ prompts: null, loading: false }));

const welcome = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  name: 'Bienvenida',
  reference: 'prompt:0190b3c4-0000-7000-8000-000000000001',
  durationMs: 2400,
  bytes: 38444,
  contentType: 'audio/wav',
  audioUrl: '/api/v1/voice-prompts/0190b3c4-0000-7000-8000-000000000001/audio',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('VoicePromptsSection', () => {
  it('renames a prompt and shows why one a published flow plays cannot be deleted', async () => {
    let name = 'Bienvenida';
    const api = stubApi({
      'GET /voice-prompts': () => ({ items: [{ ...welcome, name }] }),
      'PATCH /voice-prompts/0190b3c4-0000-7000-8000-000000000001': ({ body }) => {
        name = (body as { name: string }).name;
        return { ...welcome, name };
      },
      'DELETE /voice-prompts/0190b3c4-0000-7000-8000-000000000001': () =>
        apiError(409, 'VOICE_PROMPT_IN_USE', 'The audio "Saludo" is used by the published flow(s) “IVR”'),
    });
    render(<VoicePromptsSection />);
    await settle();
    fireEvent.click(screen.getByText('Rename'));
    fireEvent.change(screen.getByLabelText('Name of the audio'), { target: { value: 'Saludo' } });
    fireEvent.click(screen.getByText('Save the audio'));
    await settle();
    expect(
      api.calls.some((c) => c.method === 'PATCH' && JSON.stringify(c.body) === '{"name":"Saludo"}'),
    ).toBe(true);
    expect(screen.getByText('Saludo')).toBeTruthy();
    fireEvent.click(screen.getByText('Delete'));
    fireEvent.click(screen.getAllByText('Delete').at(-1)!);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('used by the published flow(s) “IVR”');
    expect(screen.getByText('Saludo')).toBeTruthy();
  });
});
