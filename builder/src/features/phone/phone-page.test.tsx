// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message, SandboxInboundResult } from '../../api/types.ts';
import { apiError, stubApi, type StubHandler } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { numberKey, PhonePage } from './phone-page.tsx';
import { testMessage } from './test-messages.ts';

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

const hello = testMessage({
  id: 'm1',
  direction: 'inbound',
  status: 'received',
  body: { text: 'hola' },
  createdAt: '2026-03-02T10:00:00.000Z',
});
const question = testMessage({
  id: 'm2',
  body: {
    text: '¿Confirmas la cita?',
    buttons: [
      { id: 'yes', title: 'Sí' },
      { id: 'no', title: 'No' },
    ],
  },
  status: 'read',
  createdAt: '2026-03-02T10:00:01.000Z',
});
const failed = testMessage({
  id: 'm3',
  body: { text: 'Recordatorio' },
  status: 'failed',
  errorCode: '131047',
  createdAt: '2026-03-02T10:00:02.000Z',
});

/** GET /messages answers newest first, as the API does. */
const pageOf = (...oldestFirst: Message[]) => ({ items: [...oldestFirst].reverse(), nextCursor: null });
const page =
  (...oldestFirst: Message[]): StubHandler =>
  () =>
    pageOf(...oldestFirst);

const sandbox =
  (result: SandboxInboundResult): StubHandler =>
  () =>
    result;

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  localStorage.clear();
  location.hash = '';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const conversation = () => screen.getByRole('list', { name: /^Conversation with/ });

describe('PhonePage', () => {
  it('shows the conversation for the default number on WhatsApp, oldest first, with ticks and reply buttons', async () => {
    const api = stubApi({ 'GET /messages': page(hello, question, failed) });
    render(<PhonePage />);
    await settle();
    expect(api.callsTo('GET /messages')[0]!.path).toBe(
      '/messages?contact=%2B34600000000&channel=whatsapp&limit=200',
    );
    expect(screen.getByRole('heading', { name: 'Conversation with +34600000000 on WhatsApp' })).toBeTruthy();
    const items = within(conversation()).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-direction'))).toEqual(['inbound', 'outbound', 'outbound']);
    expect(items[0]!.getAttribute('aria-label')).toMatch(/^You, /);
    expect(items[1]!.getAttribute('aria-label')).toMatch(/^Bot, /);
    expect(items[0]!.textContent).toContain('hola');
    expect(items[0]!.querySelector('time')!.getAttribute('dateTime')).toBe('2026-03-02T10:00:00.000Z');
    expect(within(items[0]!).queryByRole('img')).toBeNull();

    const read = within(items[1]!).getByRole('img', { name: 'Read' });
    expect(read.textContent).toBe('✓✓');
    expect(read.className).toContain('text-sky-500');
    const failure = within(items[2]!).getByRole('img', { name: 'Failed: 131047' });
    expect(failure.textContent).toContain('131047');
    expect(failure.className).toContain('text-red-600');

    const replies = within(items[1]!).getByRole('group', { name: 'Replies offered' });
    expect(replies.getAttribute('data-channel')).toBe('whatsapp');
    expect(
      within(replies)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['↩Sí', '↩No']);
  });

  it('sends a pressed WhatsApp button as its id and title, then links the run it started', async () => {
    const api = stubApi({
      'GET /messages': page(hello, question),
      'POST /sandbox/messages': sandbox({ outcome: 'started', runId: 'r-42' }),
    });
    render(<PhonePage />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Sí' }));
    await settle();
    expect(api.callsTo('POST /sandbox/messages')[0]!.body).toEqual({
      channel: 'whatsapp',
      from: '+34600000000',
      choiceId: 'yes',
      text: 'Sí',
    });
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Started a run');
    expect(within(status).getByRole('link', { name: 'Open run r-42' }).getAttribute('href')).toBe(
      '#/runs/r-42',
    );
  });

  it('shows buttons as numbered options on SMS and sends the option’s number', async () => {
    const sms = { ...question, channel: 'sms' as const };
    const api = stubApi({
      'GET /messages': page(sms),
      'POST /sandbox/messages': sandbox({ outcome: 'delivered', runId: 'r-7' }),
    });
    render(<PhonePage />);
    fireEvent.click(screen.getByRole('radio', { name: 'SMS' }));
    await settle();
    expect(api.callsTo('GET /messages').at(-1)!.path).toBe(
      '/messages?contact=%2B34600000000&channel=sms&limit=200',
    );
    const replies = screen.getByRole('group', { name: 'Replies offered' });
    expect(
      within(replies)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1. Sí', '2. No']);
    fireEvent.click(screen.getByRole('button', { name: '2. No' }));
    await settle();
    expect(api.callsTo('POST /sandbox/messages')[0]!.body).toEqual({
      channel: 'sms',
      from: '+34600000000',
      text: '2',
    });
    expect(screen.getByRole('status').textContent).toContain('Delivered to the run this conversation is in');
    expect(localStorage.getItem('omniflow.phone.channel')).toBe('sms');
  });

  it('shows buttons as chips on web chat', async () => {
    const chat = { ...question, channel: 'webchat' as const };
    const api = stubApi({
      'GET /messages': page(chat),
      'POST /sandbox/messages': sandbox({ outcome: 'delivered', runId: 'r-7' }),
    });
    render(<PhonePage />);
    fireEvent.click(screen.getByRole('radio', { name: 'Web chat' }));
    await settle();
    const replies = screen.getByRole('group', { name: 'Replies offered' });
    expect(replies.getAttribute('data-channel')).toBe('webchat');
    const chip = within(replies).getByRole('button', { name: 'No' });
    expect(chip.className).toContain('rounded-full');
    fireEvent.click(chip);
    await settle();
    expect(api.callsTo('POST /sandbox/messages')[0]!.body).toEqual({
      channel: 'webchat',
      from: '+34600000000',
      choiceId: 'no',
      text: 'No',
    });
  });

  it('sends typed text on Enter, clears the box and says when no flow takes it', async () => {
    const api = stubApi({
      'GET /messages': page(),
      'POST /sandbox/messages': sandbox({ outcome: 'unrouted', runId: null }),
    });
    // user-event drives its own timers: this test runs on real ones.
    vi.useRealTimers();
    const user = userEvent.setup();
    render(<PhonePage />);
    await screen.findByText('No messages yet. Write something to start a conversation.');
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'hola{Enter}');
    await vi.waitFor(() => expect(api.callsTo('POST /sandbox/messages')).toHaveLength(1));
    expect(api.callsTo('POST /sandbox/messages')[0]!.body).toEqual({
      channel: 'whatsapp',
      from: '+34600000000',
      text: 'hola',
    });
    const status = screen.getByRole('status');
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        'No flow takes this message: publish a flow whose trigger is “Message received”',
      ),
    );
    expect((box as HTMLInputElement).value).toBe('');
    expect(within(status).queryByRole('link')).toBeNull();
  });

  it.each([
    ['opted-out', 'You opted out of SMS: flows can no longer write to this number there'],
    ['opted-in', 'You opted back in to SMS: flows can write to this number again'],
    ['duplicate', 'Already received: this message was a duplicate'],
  ] as const)('explains the %s outcome', async (outcome, text) => {
    stubApi({
      'GET /messages': page(),
      'POST /sandbox/messages': sandbox({ outcome, runId: null }),
    });
    render(<PhonePage />);
    fireEvent.click(screen.getByRole('radio', { name: 'SMS' }));
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'STOP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(screen.getByRole('status').textContent).toContain(text);
  });

  it('keeps the text and shows why when sending fails', async () => {
    stubApi({
      'GET /messages': page(),
      'POST /sandbox/messages': () => apiError(400, 'VALIDATION_FAILED', 'from is too short'),
    });
    render(<PhonePage />);
    await settle();
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'hola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('The message was not sent: from is too short');
    expect((box as HTMLInputElement).value).toBe('hola');
  });

  it('reads the conversation every second and shows new messages and ticks as they come', async () => {
    const api = stubApi({
      'GET /messages': ({ call }) =>
        call === 0
          ? pageOf(hello)
          : pageOf(hello, { ...question, status: call === 1 ? 'sent' : 'delivered' }),
    });
    render(<PhonePage />);
    await settle();
    expect(within(conversation()).getAllByRole('listitem')).toHaveLength(1);
    await settle(999);
    expect(api.callsTo('GET /messages')).toHaveLength(1);
    await settle(1);
    const items = within(conversation()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[1]!).getByRole('img', { name: 'Sent' }).textContent).toBe('✓');
    await settle(1000);
    expect(within(conversation()).getByRole('img', { name: 'Delivered' }).textContent).toBe('✓✓');
  });

  it('remembers the number, reads that number’s conversation and stops for one too short', async () => {
    localStorage.setItem(numberKey, '+34611111111');
    const api = stubApi({ 'GET /messages': page() });
    render(<PhonePage />);
    await settle();
    const number = screen.getByRole('textbox', { name: 'Person’s number' });
    expect((number as HTMLInputElement).value).toBe('+34611111111');
    expect(api.callsTo('GET /messages')[0]!.path).toContain('contact=%2B34611111111');

    fireEvent.change(number, { target: { value: '+1' } });
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
    const calls = api.callsTo('GET /messages').length;
    await settle(3000);
    expect(api.callsTo('GET /messages')).toHaveLength(calls);

    fireEvent.change(number, { target: { value: '+34622222222' } });
    await settle();
    expect(api.callsTo('GET /messages').at(-1)!.path).toContain('contact=%2B34622222222');
    expect(localStorage.getItem(numberKey)).toBe('+34622222222');
  });

  it('speaks Spanish', async () => {
    stubApi({ 'GET /messages': page(hello, question) });
    useLocale.getState().setLocale('es');
    render(<PhonePage />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Simulador de teléfono' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Mensaje' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Conversación con +34600000000 por WhatsApp' });
    expect(within(list).getAllByRole('listitem')[0]!.getAttribute('aria-label')).toMatch(/^Tú, /);
    expect(within(list).getByRole('img', { name: 'Leído' })).toBeTruthy();
  });
});
