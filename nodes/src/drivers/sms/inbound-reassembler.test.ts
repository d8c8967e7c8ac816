import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboundReassembler, type ReassembledMessage } from './inbound-reassembler.ts';

const part = (from: string, reference: number, total: number, sequence: number, text: string) => ({
  from,
  to: '+34911000000',
  text,
  concat: { reference, total, sequence },
});

describe('InboundReassembler', () => {
  afterEach(() => vi.useRealTimers());

  it('passes a single-part message straight through', () => {
    const r = new InboundReassembler(1000, () => {});
    expect(r.add({ from: '+34600', to: '+34911', text: 'BAJA', concat: undefined })).toMatchObject({
      text: 'BAJA',
      complete: true,
    });
  });

  it('joins parts that arrive out of order and interleaved with another sender', () => {
    const r = new InboundReassembler(1000, () => {});
    expect(r.add(part('+34600', 9, 3, 3, 'tres'))).toBeUndefined();
    expect(r.add(part('+34700', 9, 2, 1, 'otro-'))).toBeUndefined();
    expect(r.add(part('+34600', 9, 3, 1, 'uno-'))).toBeUndefined();
    const done = r.add(part('+34600', 9, 3, 2, 'dos-'));
    expect(done).toMatchObject({ from: '+34600', text: 'uno-dos-tres', complete: true });
    expect(r.add(part('+34700', 9, 2, 2, 'final'))).toMatchObject({ from: '+34700', text: 'otro-final' });
    r.close();
  });

  it('emits the message again when its last part is redelivered before it was forgotten', () => {
    const r = new InboundReassembler(1000, () => {});
    r.add(part('+34600', 1, 2, 1, 'a'));
    const first = r.add(part('+34600', 1, 2, 2, 'b'));
    expect(r.add(part('+34600', 1, 2, 2, 'b'))).toMatchObject({ text: 'ab' });
    r.forget(first!.key);
    expect(r.add(part('+34600', 1, 2, 2, 'b'))).toBeUndefined();
    r.close();
  });

  it('hands on what arrived when the missing parts never come', () => {
    vi.useFakeTimers();
    const incomplete: ReassembledMessage[] = [];
    const r = new InboundReassembler(5000, (m) => incomplete.push(m));
    r.add(part('+34600', 4, 3, 1, 'uno-'));
    r.add(part('+34600', 4, 3, 3, 'tres'));
    vi.advanceTimersByTime(5001);
    expect(incomplete).toEqual([expect.objectContaining({ text: 'uno-tres', complete: false })]);
  });
});
