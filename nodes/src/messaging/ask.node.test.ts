import { describe, expect, it } from 'vitest';
import { compileNode, runFragment } from '../sdk/testing.ts';
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

describe('message.ask in a run', () => {
  const quantity = {
    question: '¿Cuántas?',
    expect: 'number',
    retryText: 'Solo números. {{ nodes.self.question }}',
    maxRetries: 1,
    timeout: 'PT10M',
  };
  const reply = (text: string) => ({ type: 'message', data: { text } });

  it('takes a valid reply once the question is sent and leaves by answered with the parsed answer', () => {
    const run = runFragment(messageAsk, quantity);
    expect(run.activities.map((a) => a.config)).toMatchObject([{ question: '¿Cuántas?' }]);
    run.finishActivity('sent', { messageId: 'm1' });
    expect(run.timers).toEqual([600_000]);
    expect(run.send(reply(' 12 '))).toBe(true);
    expect(run.port).toBe('answered');
    expect(run.output).toEqual({ answer: 12, text: ' 12 ', choiceId: null, retries: 0 });
  });

  it('asks again with the error text after a reply that does not fit, then takes the good one', () => {
    const run = runFragment(messageAsk, quantity);
    run.finishActivity('sent');
    run.send(reply('doce'));
    expect(run.port).toBeUndefined();
    expect(run.activities.map((a) => a.config)).toMatchObject([{ question: 'Solo números. ¿Cuántas?' }]);
    run.finishActivity('sent');
    run.send(reply('12'));
    expect(run.port).toBe('answered');
    expect(run.output).toEqual({ answer: 12, text: '12', choiceId: null, retries: 1 });
  });

  it('leaves by invalid with the words when no retries are left', () => {
    const run = runFragment(messageAsk, { ...quantity, maxRetries: 0 });
    run.finishActivity('sent');
    run.send(reply('doce'));
    expect(run.port).toBe('invalid');
    expect(run.output).toEqual({ text: 'doce', choiceId: null, retries: 0 });
  });

  it('keeps a reply that comes while the question is still being sent and answers with it once sent', () => {
    const run = runFragment(messageAsk, quantity);
    expect(run.send(reply('7'))).toBe(true);
    expect(run.send(reply('8'))).toBe(true);
    expect(run.port).toBeUndefined();
    run.finishActivity('sent');
    expect(run.port).toBe('answered');
    expect(run.output).toMatchObject({ answer: 7 });
    expect(run.context.held).toEqual({});
  });

  it('picks an option by its button id or by its number', () => {
    const choices = [
      { id: 'card', title: 'Tarjeta' },
      { id: 'cash', title: 'Efectivo' },
    ];
    const config = { question: '¿Cómo paga?', expect: 'choice', choices };
    const byButton = runFragment(messageAsk, config);
    byButton.finishActivity('sent');
    byButton.send({ type: 'message', data: { choiceId: 'cash' } });
    expect(byButton.output).toMatchObject({ answer: 'cash', choiceId: 'cash' });
    const byNumber = runFragment(messageAsk, config);
    byNumber.finishActivity('sent');
    byNumber.send(reply('1'));
    expect(byNumber.output).toMatchObject({ answer: 'card' });
  });

  it('leaves by timeout when nobody answers', () => {
    const run = runFragment(messageAsk, quantity);
    run.finishActivity('sent');
    run.fireTimer();
    expect(run.port).toBe('timeout');
    expect(run.send(reply('12'))).toBe(false);
  });

  it('fails the run with the provider’s fault when the question cannot be sent and failed is unwired', () => {
    const run = runFragment(messageAsk, quantity, { unwired: ['failed'], id: 'qty' });
    run.finishActivity('failed');
    expect(run.failure).toEqual({
      code: 'NODE_FAILED',
      message: 'Left by "failed", which is not connected',
      nodeId: 'qty',
    });
  });

  it('leaves by failed with the send error when failed is wired', () => {
    const run = runFragment(messageAsk, quantity);
    run.failActivity({ message: 'WhatsApp refused it', code: 'WHATSAPP_WINDOW_CLOSED' });
    expect(run.port).toBe('failed');
    expect(run.output).toEqual({ error: { message: 'WhatsApp refused it', code: 'WHATSAPP_WINDOW_CLOSED' } });
  });
});
