import { describe, expect, it } from 'vitest';
import { needsTemplate, serviceWindow } from './service-window.ts';

const lastInbound = new Date('2026-03-01T15:00:00Z');
const later = (ms: number) => new Date(lastInbound.getTime() + ms);
const hours = 60 * 60 * 1000;

describe('serviceWindow', () => {
  it('is open until the last instant before 24 h and closed at exactly 24 h', () => {
    expect(serviceWindow(lastInbound, lastInbound)).toEqual({
      open: true,
      closesAt: new Date('2026-03-02T15:00:00Z'),
    });
    expect(serviceWindow(lastInbound, later(24 * hours - 1)).open).toBe(true);
    expect(serviceWindow(lastInbound, later(24 * hours)).open).toBe(false);
    expect(serviceWindow(lastInbound, later(24 * hours + 1)).open).toBe(false);
  });

  it('is closed, with no closing time, for someone who never wrote', () => {
    expect(serviceWindow(null, lastInbound)).toEqual({ open: false, closesAt: null });
    expect(serviceWindow(undefined, lastInbound)).toEqual({ open: false, closesAt: null });
  });
});

describe('needsTemplate', () => {
  it('lets anything through while the window is open', () => {
    expect(needsTemplate({}, serviceWindow(lastInbound, later(23 * hours)))).toBeNull();
  });

  it('asks for a template with WHATSAPP_WINDOW_CLOSED for free-form messages once it closed', () => {
    const closed = serviceWindow(lastInbound, later(24 * hours));
    expect(needsTemplate({}, closed)).toEqual({
      code: 'WHATSAPP_WINDOW_CLOSED',
      message: expect.stringMatching(/template .* closed at 2026-03-02T15:00:00.000Z/),
      closedAt: new Date('2026-03-02T15:00:00Z'),
    });
    expect(needsTemplate({}, serviceWindow(null, lastInbound))?.message).toMatch(/never written/);
    expect(
      needsTemplate({ template: { name: 'reminder', language: 'es', parameters: [] } }, closed),
    ).toBeNull();
  });
});
