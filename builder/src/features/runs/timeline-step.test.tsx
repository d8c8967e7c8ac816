// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { testStep } from './test-runs.ts';
import { TimelineStep } from './timeline-step.tsx';

afterEach(cleanup);

const entry = (output: unknown) => {
  const step = testStep({ seq: 2, nodeId: 'call', port: 'answered', output });
  return { kind: 'step' as const, at: step.enteredAt, step, durationMs: 1000, open: false };
};

describe('TimelineStep', () => {
  it('marks a transfer a browser test call only simulated, in the reader’s language', () => {
    useLocale.getState().setLocale('es');
    render(
      <TimelineStep
        entry={entry({ target: 'sip:soporte@pbx.example', outcome: 'answered', simulated: true })}
        label="Transferir"
        selected={false}
        onSelect={() => undefined}
      />,
    );
    const mark = screen.getByTestId('step-simulated');
    expect(mark.textContent).toBe('Simulada');
    expect(mark.getAttribute('title')).toMatch(/llamada de prueba desde el navegador/);
  });

  it('shows no mark for a step done for real, or one whose output is not an object', () => {
    useLocale.getState().setLocale('en');
    const { rerender } = render(
      <TimelineStep
        entry={entry({ outcome: 'answered', simulated: false })}
        label="Transfer"
        selected={false}
        onSelect={() => undefined}
      />,
    );
    expect(screen.queryByTestId('step-simulated')).toBeNull();
    rerender(
      <TimelineStep entry={entry(null)} label="Transfer" selected={false} onSelect={() => undefined} />,
    );
    expect(screen.queryByTestId('step-simulated')).toBeNull();
  });
});
