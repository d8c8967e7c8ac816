import { describe, expect, it } from 'vitest';
import type { GatherResult, PlayOptions, SayOptions } from '../drivers/voice/voice-driver.ts';
import { createCompileContext } from '../sdk/compile-context.ts';
import { testScope } from '../sdk/testing.ts';
import type {
  ActivityDeps,
  AnyNodeDefinition,
  NextNodes,
  NodeInstance,
  TemplateScope,
} from '../sdk/types.ts';
import { voiceGather } from './gather.node.ts';
import { voiceHangup } from './hangup.node.ts';
import { voiceMenu } from './menu.node.ts';
import { voicePlay } from './play.node.ts';
import { voiceSay } from './say.node.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';

/** A scripted call whose prompts take time to play, as on a line, and can be stopped. */
class PlayingCall extends ScriptedCall {
  readonly playbacks: Array<{ text: string; outcome?: 'done' | 'stopped' }> = [];
  /** Texts whose next playback fails (espeak-ng missing, say), once each. */
  readonly failing = new Set<string>();

  override async say(text: string, options: SayOptions & PlayOptions) {
    const { signal, ...speech } = options;
    await super.say(text, speech);
    if (this.failing.delete(text)) {
      throw new Error('espeak-ng failed');
    }
    const playback: { text: string; outcome?: 'done' | 'stopped' } = { text };
    this.playbacks.push(playback);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        playback.outcome = 'done';
        resolve();
      }, 30);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        playback.outcome = 'stopped';
        resolve();
      });
    });
  }
}

const menuConfig = {
  prompt: 'Pulse 1 para ventas',
  options: [
    { digit: '1', id: 'sales' },
    { digit: '2', id: 'support' },
  ],
  maxRetries: 0,
};

function instance(definition: AnyNodeDefinition, id: string, config: unknown): NodeInstance<unknown> {
  return { id, type: definition.type, version: definition.version, config: definition.config.parse(config) };
}

/** The `next` voice.menu's compile hands its activity, with its ports wired to these nodes. */
function compiledNext(followers: Record<string, NodeInstance<unknown>>): NextNodes | undefined {
  const menu = instance(voiceMenu, 'menu', menuConfig);
  const wiring = new Map(Object.entries(followers).map(([port, node]) => [port, node.id]));
  const ctx = createCompileContext(
    menu,
    wiring,
    voiceMenu.activity?.options,
    new Map(Object.entries(followers)),
  );
  return voiceMenu.compile(menu as never, ctx).invoke?.input.next as NextNodes | undefined;
}

async function run(
  definition: AnyNodeDefinition,
  config: unknown,
  call: ScriptedCall,
  scope: TemplateScope,
  extra: Partial<ActivityDeps> = {},
) {
  return definition.activity!.run(definition.config.parse(config), scope, {
    idempotencyKey: 'run-test:node:1',
    signal: new AbortController().signal,
    env: {},
    voice: call.voice(),
    ...extra,
  });
}

const press = (digits: string): GatherResult => ({ digits, reason: 'max-digits' });

/** voice.menu answered with `key`, then the say node its port leads to, as the workflow runs them. */
async function menuThenSay(call: PlayingCall, sayConfig: { text: string }) {
  const say = instance(voiceSay, 'sales', { ...sayConfig, language: 'es' });
  const next = compiledNext({ sales: say, timeout: instance(voiceHangup, 'bye', {}) });
  const scope = testScope({ input: callInput });
  const menu = await run(voiceMenu, menuConfig, call, scope, { nodeId: 'menu', ...(next ? { next } : {}) });
  // The Temporal round trip: the say activity starts a little later.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const after = { ...scope, nodes: { menu: { output: menu.output } } };
  const said = await run(voiceSay, say.config, call, after, { nodeId: 'sales' });
  return { menu, said, next };
}

describe('prompt prefetch (voice.menu → voice.say)', () => {
  it('hands the menu only the say/play nodes its ports lead to', () => {
    const next = compiledNext({
      sales: instance(voiceSay, 'sales', { text: 'Ventas' }),
      support: instance(voicePlay, 'music', { audio: '/prompts/espera.wav' }),
      timeout: instance(voiceHangup, 'bye', {}),
    });
    expect(next).toEqual({
      sales: { nodeId: 'sales', type: 'voice.say', version: 1, config: { text: 'Ventas', language: 'es' } },
      support: { nodeId: 'music', type: 'voice.play', version: 1, config: { audio: '/prompts/espera.wav' } },
    });
    expect(compiledNext({ timeout: instance(voiceHangup, 'bye', {}) })).toBeUndefined();
  });

  it('starts the say prompt as the key comes in, and the say node adopts it: heard once', async () => {
    const call = new PlayingCall([press('1')]);
    const { said } = await menuThenSay(call, { text: 'Le pasamos con ventas' });
    expect(said).toEqual({ port: 'next', output: { text: 'Le pasamos con ventas' } });
    // The menu's own prompt is the gather's; the say prompt is played once, to its end.
    expect(call.playbacks).toEqual([{ text: 'Le pasamos con ventas', outcome: 'done' }]);
  });

  it('predicts a text built from the menu’s own output', async () => {
    const call = new PlayingCall([press('1')]);
    await menuThenSay(call, { text: 'Ha pulsado {{ nodes.menu.output.digit }}' });
    expect(call.playbacks.map((p) => p.text)).toEqual(['Ha pulsado 1']);
  });

  it('leaves a text with Liquid filters to the say node: played once, by it', async () => {
    const call = new PlayingCall([press('1')]);
    await menuThenSay(call, { text: 'Son las {{ "now" | date: "%H:%M" }}' });
    // The scripted call lists the gather's spoken prompt among what it said.
    expect(call.said).toHaveLength(2);
    expect(call.playbacks).toHaveLength(1);
    expect(call.playbacks[0]?.outcome).toBe('done');
  });

  it('stops a started prompt that is not what the say node says, and says its own', async () => {
    const call = new PlayingCall([press('1')]);
    const say = instance(voiceSay, 'sales', { text: 'Hola {{ vars.name }}', language: 'es' });
    const next = compiledNext({ sales: say });
    const scope = testScope({ input: callInput, vars: { name: 'Ana' } });
    await run(voiceMenu, menuConfig, call, scope, { nodeId: 'menu', ...(next ? { next } : {}) });
    // Something changed the variable between the menu and the say (a parallel branch, say).
    await run(voiceSay, say.config, call, { ...scope, vars: { name: 'Luis' } }, { nodeId: 'sales' });
    expect(call.playbacks).toEqual([
      { text: 'Hola Ana', outcome: 'stopped' },
      { text: 'Hola Luis', outcome: 'done' },
    ]);
  });

  it('plays the prompt itself when the one started ahead failed, so the failure is its own', async () => {
    const call = new PlayingCall([press('1')]);
    const say = instance(voiceSay, 'sales', { text: 'Ventas', language: 'es' });
    const next = compiledNext({ sales: say });
    const scope = testScope({ input: callInput });
    call.failing.add('Ventas');
    const menu = await run(voiceMenu, menuConfig, call, scope, { nodeId: 'menu', ...(next ? { next } : {}) });
    expect(menu.port).toBe('sales');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await run(voiceSay, say.config, call, scope, { nodeId: 'sales' });
    expect(call.said.map((s) => s.text)).toEqual(['Pulse 1 para ventas', 'Ventas', 'Ventas']);
    expect(call.playbacks).toEqual([{ text: 'Ventas', outcome: 'done' }]);
  });

  it('starts nothing for a port that leads to no say or play', async () => {
    const call = new PlayingCall([press('2')]);
    await menuThenSay(call, { text: 'Ventas' });
    // Port support is unwired: only the menu prompt, then the say node's own prompt.
    expect(call.playbacks.map((p) => p.text)).toEqual(['Ventas']);
    expect(call.said.map((p) => p.text)).toEqual(['Pulse 1 para ventas', 'Ventas']);
  });
});

describe('prompt prefetch (voice.gather → voice.say)', () => {
  it('starts the say after the digits at once; the say node adopts it', async () => {
    const call = new PlayingCall([press('1234')]);
    const gatherConfig = { prompt: 'Marque su PIN', digits: 4, maxRetries: 0 };
    const say = instance(voiceSay, 'thanks', { text: 'Ha marcado {{ nodes.pin.output.digits }}' });
    const gather = instance(voiceGather, 'pin', gatherConfig);
    const ctx = createCompileContext(
      gather,
      new Map([['next', 'thanks']]),
      voiceGather.activity?.options,
      new Map([['next', say]]),
    );
    const next = voiceGather.compile(gather as never, ctx).invoke?.input.next as NextNodes;
    const scope = testScope({ input: callInput });
    const result = await run(voiceGather, gatherConfig, call, scope, { nodeId: 'pin', next });
    expect(result.port).toBe('next');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await run(voiceSay, say.config, call, { ...scope, nodes: { pin: { output: result.output } } });
    expect(call.playbacks).toEqual([{ text: 'Ha marcado 1234', outcome: 'done' }]);
  });
});
