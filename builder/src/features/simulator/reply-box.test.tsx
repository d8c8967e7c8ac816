// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyBox } from './reply-box.tsx';

afterEach(cleanup);

describe('ReplyBox', () => {
  it('sends a typed reply as a message event and keypad presses as dtmf events', () => {
    const onEvent = vi.fn();
    render(<ReplyBox onEvent={onEvent} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Reply as the customer' }), {
      target: { value: 'hola' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    fireEvent.click(screen.getByRole('button', { name: 'Press 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Press #' }));
    expect(onEvent.mock.calls).toEqual([
      ['message', { text: 'hola' }],
      ['dtmf', { digits: '2' }],
      ['dtmf', { digits: '#' }],
    ]);
  });

  it('does not send an empty reply', () => {
    const onEvent = vi.fn();
    render(<ReplyBox onEvent={onEvent} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onEvent).not.toHaveBeenCalled();
  });
});
