import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import type { StateFragment, TransitionJson } from '../sdk/types.ts';
import { messageAsk } from './ask.node.ts';

describe('message.ask', () => {
  const fragment = compileNode(
    messageAsk,
    {
      question: '¿Cuántas?',
      expect: 'number',
      retryText: 'Solo números. {{ nodes.self.question }}',
      maxRetries: 2,
    },
    { answered: 'thanks', invalid: 'human', timeout: 'bye' },
    'qty',
  ) as StateFragment;

  it('asks, waits, and asks again with the error text while retries are left', () => {
    expect(fragment.initial).toBe('asking');
    const waiting = fragment.states!.waiting!;
    const onMessage = waiting.on!.message as TransitionJson[];
    expect(onMessage.map((t) => [t.guard?.type ?? null, t.target])).toEqual([
      ['answerValid', '#flow.thanks'],
      ['retriesLeft', 'retrying'],
      [null, '#flow.human'],
    ]);
    expect(Object.values(waiting.after!)[0]).toMatchObject({ target: '#flow.bye' });
    const retry = fragment.states!.retrying!.invoke!;
    expect(retry.id).toBe('qty.retry');
    expect((retry.input.config as { question: string }).question).toBe('Solo números. ¿Cuántas?');
  });

  it('fails the run when the question cannot be sent and "failed" is not connected', () => {
    const asking = fragment.states!.asking!.invoke!;
    expect(asking.onDone.map((t) => t.target)).toEqual(['waiting', '#flow.__failed']);
  });

  it('refuses a config without a question or with too many options', () => {
    expect(messageAsk.config.safeParse({ question: '' }).success).toBe(false);
    const options = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, title: `Option ${i}` }));
    expect(
      messageAsk.config.safeParse({ question: 'x', choices: options }).error?.issues[0]?.message,
    ).toContain('At most 10');
  });
});
