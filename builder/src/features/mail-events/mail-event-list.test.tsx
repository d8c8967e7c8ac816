// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailEvent } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { TimelineMessage } from '../runs/timeline-message.tsx';
import { MailEventList } from './mail-event-list.tsx';

const event = (e: Partial<EmailEvent> & Pick<EmailEvent, 'type'>): EmailEvent => ({
  at: '2026-12-06T10:00:00.000Z',
  userAgent: null,
  url: null,
  proxy: false,
  detail: {},
  ...e,
});

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('MailEventList', () => {
  it('tells a person’s open from a proxy’s, and shows the link clicked', () => {
    render(
      <MailEventList
        events={[
          event({ type: 'open', userAgent: 'Thunderbird/128' }),
          event({ type: 'open', proxy: true, userAgent: 'Mozilla/5.0' }),
          event({ type: 'click', url: 'https://example.org/agenda' }),
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'After it left' })).getAllByRole('listitem');
    expect(items[0]!.textContent).toMatch(/^Opened at /);
    expect(items[0]!.title).toBe('Seen from: Thunderbird/128');
    expect(items[1]!.textContent).toMatch(/Image loaded by the mail provider .* \(not counted as read\)/);
    expect(items[2]!.textContent).toMatch(/Link clicked at .*: https:\/\/example\.org\/agenda/);
  });

  it('explains bounces by kind with the server’s words, and complaints and unsubscribes, in Spanish', () => {
    useLocale.getState().setLocale('es');
    render(
      <MailEventList
        events={[
          event({
            type: 'bounce',
            detail: { kind: 'soft', permanent: false, status: '4.2.2', diagnostic: '452 full' },
          }),
          event({
            type: 'bounce',
            detail: { kind: 'hard', permanent: true, status: '5.1.1', diagnostic: '550 unknown' },
          }),
          event({ type: 'complaint' }),
          event({ type: 'unsubscribe', url: 'ana@example.org' }),
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Después del envío' })).getAllByRole('listitem');
    expect(items.map((i) => i.dataset.mailEvent)).toEqual(['bounce', 'bounce', 'complaint', 'unsubscribe']);
    expect(items[0]!.textContent).toMatch(/Aún sin entregar .*\(4\.2\.2\).* · 452 full/);
    expect(items[1]!.textContent).toMatch(/Rebotado .*la dirección no existe \(5\.1\.1\).* · 550 unknown/);
    expect(items[1]!.className).toContain('text-red-700');
    expect(items[2]!.textContent).toMatch(/Marcado como spam/);
    expect(items[3]!.textContent).toMatch(/Se dio de baja/);
  });

  it('shows nothing for a mail nothing has happened to yet', () => {
    const { container } = render(<MailEventList events={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows a bounced mail on the run timeline in red, with what came back', () => {
    render(
      <ol>
        <TimelineMessage
          nodeLabel="Boletín"
          message={{
            id: 'm1',
            // 'email' once the builder's API types are regenerated with the email channel (the
            // integrator does, with the other areas' changes); the timeline reads only the events.
            channel: 'sms',
            direction: 'outbound',
            contactAddress: 'nobody@refuse.test',
            ourAddress: '',
            runId: 'r1',
            nodeId: 'news',
            providerMessageId: 'x@omniflow.test',
            body: { text: 'Novedades' },
            segments: 1,
            status: 'bounced',
            statusHistory: [
              { status: 'sent', at: '2026-12-06T10:00:00.000Z' },
              {
                status: 'bounced',
                at: '2026-12-06T10:00:01.000Z',
                errorCode: '5.1.1',
                errorMessage: '550 unknown',
              },
            ],
            errorCode: '5.1.1',
            createdAt: '2026-12-06T10:00:00.000Z',
            emailEvents: [
              event({ type: 'bounce', detail: { kind: 'hard', status: '5.1.1', diagnostic: '550 unknown' } }),
            ],
          }}
        />
      </ol>,
    );
    const item = screen.getByText(/to nobody@refuse\.test/).closest('li')!;
    expect(item.dataset.status).toBe('bounced');
    expect(item.className).toContain('border-red-300');
    expect(within(item).getByRole('list', { name: 'Delivery' }).textContent).toContain('bounced');
    expect(within(item).getByRole('list', { name: 'After it left' }).textContent).toMatch(
      /Bounced at .*the address does not exist \(5\.1\.1\)/,
    );
  });
});
