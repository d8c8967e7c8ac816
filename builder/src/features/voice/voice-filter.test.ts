import { describe, expect, it } from 'vitest';
import { voiceFilterFromQuery, voiceRoute } from './voice-filter.ts';

const flow = '01900000-0000-7000-8000-000000000001';

describe('voice filter', () => {
  it('reads number, dates and flow from the hash query and writes them back', () => {
    const filter = voiceFilterFromQuery(
      new URLSearchParams(
        `number=%2B34600&from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00.000Z&flow=${flow}`,
      ),
    );
    expect(filter).toEqual({
      number: '+34600',
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-02T00:00:00.000Z',
      flowId: flow,
    });
    expect(voiceRoute('calls', filter)).toBe(
      `/calls?number=%2B34600&from=2030-01-01T00%3A00%3A00.000Z&to=2030-01-02T00%3A00%3A00.000Z&flow=${flow}`,
    );
  });
  it('drops what the API would refuse, so a hand-edited URL still opens a list', () => {
    expect(voiceFilterFromQuery(new URLSearchParams('from=yesterday&flow=nope&number=%20'))).toEqual({});
    expect(voiceRoute('recordings', {})).toBe('/recordings');
  });
});
