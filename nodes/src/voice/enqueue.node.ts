import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import type { AudioSource, Call } from '../drivers/voice/voice-driver.ts';
import { defineNode } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { NodeError } from '../sdk/node-error.ts';
import { agentQueues } from './agent-queue.ts';
import { defaultHoldMusic } from './hold-music.ts';
import { callActivityOptions, callerHungUp, languageSchemaOptions, liveCall, onCall } from './live-call.ts';
import { simulatedQueueNote } from './simulated-notes.ts';
import { audioSourceOf } from './play.node.ts';

/** The longest a caller may wait: the activity's start-to-close timeout must cover it. */
const maxWaitLimitMs = 60 * 60_000;

const positionText = {
  es: (n: number) => `Usted es el número ${n} en la cola`,
  en: (n: number) => `You are number ${n} in the queue`,
};

export const voiceEnqueue = defineNode({
  type: 'voice.enqueue',
  version: 1,
  title: { en: 'Agent queue', es: 'Cola de agentes' },
  description: {
    en: 'Puts the caller in a queue with hold music until a free agent answers (connected) or the maximum wait passes (timeout).',
    es: 'Pone a quien llama en una cola con música de espera hasta que conteste un agente libre (conectado) o pase la espera máxima (tiempo agotado).',
  },
  category: 'voice',
  icon: 'users',
  portDescriptions: {
    connected: { en: 'An agent answered the caller.', es: 'Un agente atendió la llamada.' },
    timeout: {
      en: 'No agent answered within the maximum wait.',
      es: 'Ningún agente atendió dentro de la espera máxima.',
    },
  },
  summary: [
    { field: 'queue', label: { en: 'Queue', es: 'Cola' } },
    { field: 'maxWait', as: 'duration', label: { en: 'At most', es: 'Como máximo' } },
  ],
  ports: ['connected', 'timeout'],
  config: z.object({
    queue: z.string().min(1, 'Name the queue').max(100).meta(uiLabel('Queue name', 'Nombre de la cola')),
    agents: z
      .array(z.string().min(1, 'Give a SIP address or number'))
      .min(1, 'Add at least one agent (sip:agent@host or a number)')
      .meta({ ui: { widget: 'rows', label: { en: 'Agents to ring', es: 'Agentes a llamar' } } }),
    music: z
      .string()
      .default('')
      .meta({
        ui: {
          widget: 'template',
          label: { en: 'Hold music (empty: built-in)', es: 'Música de espera (vacío: la incluida)' },
        },
      }),
    announceEvery: durationSchema.default('PT30S').meta({
      ui: {
        widget: 'duration',
        label: { en: 'Announce position every (0: never)', es: 'Anunciar posición cada (0: nunca)' },
      },
    }),
    language: z.enum(['es', 'en']).default('es').meta({ ui: languageSchemaOptions }),
    ringTimeout: durationSchema
      .default('PT20S')
      .meta({ ui: { widget: 'duration', label: { en: 'Ring each agent for', es: 'Timbre por agente' } } }),
    maxWait: durationSchema
      .default('PT5M')
      .refine((d) => (parseDuration(d) ?? 0) <= maxWaitLimitMs, 'The longest wait is one hour')
      .meta({ ui: { widget: 'duration', label: { en: 'Maximum wait', es: 'Espera máxima' } } }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['connected', 'timeout'] }),
  activity: {
    // The timeout covers the longest wait the config allows (one hour) plus ringing and the last
    // announcement; heartbeats tell a caller waiting that long from a dead call process.
    options: { ...callActivityOptions, startToCloseTimeout: '70m', heartbeatTimeout: '30s' },
    output: z.object({
      queue: z.string().meta(outputField('Queue', 'Cola', 'soporte')),
      agent: z
        .string()
        .optional()
        .meta(outputField('Agent who answered', 'Agente que atendió', 'ana')),
      position: z.number().meta(outputField('Place in the queue', 'Puesto en la cola', 2)),
      waitedMs: z.number().meta(outputField('Milliseconds waited', 'Milisegundos de espera', 45000)),
      simulated: z
        .boolean()
        .optional()
        .meta(
          outputField('Simulated (browser test call)', 'Simulada (llamada de prueba del navegador)', false),
        ),
    }),
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      const queue = renderText(config.queue, scope).trim();
      if (!queue)
        throw new NodeError('QUEUE_MISSING', `The queue name rendered empty from ${config.queue}`, false);
      const agents = config.agents.map((agent) => renderText(agent, scope).trim()).filter(Boolean);
      if (agents.length === 0)
        throw new NodeError('QUEUE_NO_AGENTS', 'Every agent address rendered empty', false);
      if (call.simulatesTransfer) {
        // No agent can be rung from a browser test call: say so and go on as connected to the first.
        await onCall(call, () =>
          call.say(simulatedQueueNote(queue, config.language), { language: config.language }),
        );
        return {
          port: 'connected',
          output: { queue, agent: agents[0]!, position: 1, waitedMs: 0, simulated: true },
        };
      }
      const musicLocation = renderText(config.music, scope).trim();
      const music: AudioSource = musicLocation
        ? audioSourceOf(musicLocation)
        : { kind: 'file', path: await defaultHoldMusic() };
      // Runs of the built-in SIP endpoint know their workspace; elsewhere the flow scopes the queue.
      const workspaceId = deps.voice?.workspaceOf?.(call.id) ?? `flow:${scope.run.flowId}`;
      const now = () => (deps.clock?.() ?? new Date()).getTime();
      const started = now();
      const ticket = agentQueues.join({
        workspaceId,
        queue,
        call,
        agents,
        ringTimeoutMs: parseDuration(config.ringTimeout) ?? 20_000,
      });
      const position = ticket.position();
      const done = new AbortController();
      const waitOver = new Promise<'timeout'>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), parseDuration(config.maxWait) ?? 300_000);
        done.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      });
      const hungUp = call.ended.then(() => 'hangup' as const);
      const holding = holdCaller(call, music, {
        announceEveryMs: parseDuration(config.announceEvery) ?? 0,
        say: (n) => positionText[config.language](n),
        language: config.language,
        position: () => ticket.position(),
        signal: done.signal,
      });
      const cancelled = new Promise<'hangup'>((resolve) => {
        if (deps.signal.aborted) resolve('hangup');
        deps.signal.addEventListener('abort', () => resolve('hangup'), { once: true });
      });
      // Hold music that cannot play (a bad file or URL) fails the node now, not after the wait.
      const musicFailed = holding.then(() => new Promise<never>(() => {}));
      let outcome: { agent: string } | 'timeout' | 'hangup';
      try {
        outcome = await Promise.race([ticket.connected, waitOver, hungUp, cancelled, musicFailed]);
      } catch (error) {
        done.abort();
        ticket.leave();
        throw error;
      }
      done.abort();
      if (outcome !== 'timeout' && outcome !== 'hangup') {
        await holding;
        return {
          port: 'connected',
          output: { queue, agent: outcome.agent, position, waitedMs: now() - started },
        };
      }
      ticket.leave();
      await holding;
      if (outcome === 'hangup') throw callerHungUp(call.id);
      return { port: 'timeout', output: { queue, position, waitedMs: now() - started } };
    },
  },
});

/**
 * Hold music in a loop, broken every `announceEveryMs` by the caller's position, until `signal`.
 * An agent answering bridges the call, which silences the music and makes further playback fail:
 * both simply end the loop.
 */
async function holdCaller(
  call: Call,
  music: AudioSource,
  options: {
    announceEveryMs: number;
    say: (position: number) => string;
    language: 'es' | 'en';
    position: () => number;
    signal: AbortSignal;
  },
): Promise<void> {
  const { signal } = options;
  try {
    if (options.announceEveryMs > 0 && options.position() > 0)
      await call.say(options.say(options.position()), { language: options.language, signal });
    while (!signal.aborted && !call.bridged) {
      const segment = new AbortController();
      const stop = () => segment.abort();
      signal.addEventListener('abort', stop, { once: true });
      const timer = options.announceEveryMs > 0 ? setTimeout(stop, options.announceEveryMs) : undefined;
      try {
        // The music repeats until the announcement is due (or the wait ends).
        while (!segment.signal.aborted && !call.bridged) {
          const started = performance.now();
          await call.play(music, { signal: segment.signal });
          // An empty music file must not spin: rest before trying it again.
          if (performance.now() - started < 100 && !segment.signal.aborted)
            await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
      }
      if (signal.aborted || call.bridged) return;
      const position = options.position();
      if (position > 0) await call.say(options.say(position), { language: options.language, signal });
    }
  } catch (error) {
    // Bridged (CALL_BRIDGED) or gone (CALL_ENDED): the queue's outcome says which.
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== 'CALL_BRIDGED' && code !== 'CALL_ENDED') throw error;
  }
}
