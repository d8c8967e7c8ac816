import { describe, expect, it } from 'vitest';
import { runFragment } from '../sdk/testing.ts';
import { httpRespond } from './respond.node.ts';

const input = { method: 'POST', path: 'p', query: {}, headers: {}, body: { n: 7, name: 'Ana' } };

describe('http.respond', () => {
  it('renders a JSON body whose lone templates keep their types', () => {
    const run = runFragment(
      httpRespond,
      { body: '{"doubled": "{{ input.body.n | times: 2 }}", "who": "{{ input.body.name }}"}' },
      { input },
    );
    expect(run.port).toBe('next');
    expect(run.output).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"doubled":14,"who":"Ana"}',
    });
  });

  it('renders a text body from a Liquid template with the status and headers given', () => {
    const run = runFragment(
      httpRespond,
      {
        status: '201',
        bodyType: 'text',
        headers: { 'X-Who': '{{ input.body.name }}' },
        body: '{% if input.body.n > 5 %}big{% else %}small{% endif %}',
      },
      { input },
    );
    expect(run.output).toEqual({
      status: 201,
      headers: { 'x-who': 'Ana', 'content-type': 'text/plain; charset=utf-8' },
      body: 'big',
    });
  });

  it('keeps a content type the designer set', () => {
    const run = runFragment(
      httpRespond,
      { bodyType: 'text', headers: { 'Content-Type': 'application/xml' }, body: '<ok/>' },
      { input },
    );
    expect(run.output).toMatchObject({ headers: { 'content-type': 'application/xml' }, body: '<ok/>' });
  });

  it('fails the run at the node when the status is not an HTTP status', () => {
    const run = runFragment(httpRespond, { status: '{{ input.body.name }}' }, { input });
    expect(run.failure).toMatchObject({ code: 'RESPONSE_INVALID', nodeId: 'node' });
    expect(run.failure?.message).toMatch(/200 to 599/);
  });

  it('fails the run at the node when a JSON body is not JSON once rendered', () => {
    const run = runFragment(httpRespond, { body: '{{ input.body.name }}' }, { input });
    expect(run.failure).toMatchObject({ code: 'RESPONSE_INVALID' });
  });
});
