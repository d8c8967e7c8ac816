import type { AudioSource, Call, SayOptions } from '../drivers/voice/voice-driver.ts';
import { notPlain, renderPlainPaths } from '../sdk/expressions/plain-paths.ts';
import { voicePromptIdOf } from '../sdk/voice-prompt-ref.ts';
import type { ActivityDeps, CompileContext, Json, NextNodes, TemplateScope } from '../sdk/types.ts';

// A node that waits for a key (menu, gather) knows the next prompt the moment the key arrives,
// but the node that says it starts only after a Temporal round trip (activity result → workflow
// task → next activity polled on the call queue): tens of milliseconds of silence after the key.
// So the waiting node starts that prompt itself, speculatively, and the say/play node adopts the
// prompt already playing when it would play the very same audio; otherwise it stops it and
// plays its own. The caller hears the prompt once either way.

/** The followers a key-waiting node may start ahead: voice.say and voice.play. */
const prefetchable = new Set(['voice.say', 'voice.play']);

/** For `runActivity({ next })`: the say/play node each of `ports` leads to, when there is one. */
export function promptFollowers(ctx: CompileContext, ports: readonly string[]): NextNodes {
  const next: NextNodes = {};
  for (const port of ports) {
    const follower = ctx.follower(port);
    if (!follower || !prefetchable.has(follower.type)) continue;
    next[port] = {
      nodeId: follower.id,
      type: follower.type,
      version: follower.version,
      config: follower.config as Json,
    };
  }
  return next;
}

type Prompt = { kind: 'say'; text: string; speech: SayOptions } | { kind: 'play'; audio: AudioSource };

const keyOf = (prompt: Prompt) =>
  JSON.stringify(
    prompt.kind === 'say'
      ? ['say', prompt.text, prompt.speech.language, prompt.speech.voice ?? null]
      : ['play', prompt.audio],
  );

type Outcome = 'played' | 'failed';

interface Speculation {
  key: string;
  controller: AbortController;
  playing: Promise<Outcome>;
  expiry?: NodeJS.Timeout;
}

/** A started prompt nobody adopted (the run went elsewhere, or failed) is forgotten after this. */
const unadoptedMs = 60_000;
const speculations = new WeakMap<Call, Speculation>();

/**
 * The prompt the say/play node behind `port` will play, rendered as it will render it: the
 * run's scope plus this node's output. Only templates made of plain paths are predicted; one with
 * Liquid filters or tags may read something this node cannot know (the time, a random pick),
 * and is left to its own node rather than risk playing two different prompts.
 */
function predictPrompt(
  follower: NextNodes[string],
  scope: TemplateScope,
  nodeId: string,
  output: unknown,
): Prompt | undefined {
  const config = follower.config as Record<string, unknown>;
  // A recorded prompt is found through the workspace's store (an await this synchronous start
  // cannot make): its node plays it itself.
  if (voicePromptIdOf(config.audio) || (typeof config.recordedPrompt === 'string' && config.recordedPrompt))
    return undefined;
  const predicted = { ...scope, nodes: { ...scope.nodes, [nodeId]: { output } } };
  const render = (template: unknown) => {
    if (typeof template !== 'string') return undefined;
    const text = renderPlainPaths(template, predicted);
    return text === notPlain ? undefined : text;
  };
  if (follower.type === 'voice.say') {
    const text = render(config.text)?.trim();
    if (!text || typeof config.language !== 'string') return undefined;
    const voice = typeof config.voice === 'string' && config.voice ? config.voice : undefined;
    return { kind: 'say', text, speech: { language: config.language, ...(voice ? { voice } : {}) } };
  }
  const audio = render(config.audio)?.trim();
  if (!audio) return undefined;
  return {
    kind: 'play',
    audio: /^https?:\/\//i.test(audio) ? { kind: 'url', url: audio } : { kind: 'file', path: audio },
  };
}

/**
 * Starts, without waiting, the prompt of the say/play node `port` leads to, so it plays the
 * moment the key is in. Call it as the node decides its port, with the output it returns.
 */
export function startNextPrompt(
  call: Call,
  deps: Pick<ActivityDeps, 'next' | 'nodeId'>,
  port: string,
  scope: TemplateScope,
  output: unknown,
): void {
  const follower = deps.next?.[port];
  if (!follower || !deps.nodeId) return;
  const prompt = predictPrompt(follower, scope, deps.nodeId, output);
  if (!prompt) return;
  speculations.get(call)?.controller.abort();
  const controller = new AbortController();
  const control = { signal: controller.signal };
  const playing = (
    prompt.kind === 'say'
      ? call.say(prompt.text, { ...prompt.speech, ...control })
      : call.play(prompt.audio, control)
  ).then(
    (): Outcome => 'played',
    (): Outcome => 'failed',
  );
  const speculation: Speculation = { key: keyOf(prompt), controller, playing };
  speculations.set(call, speculation);
  void playing.then(() => {
    speculation.expiry = setTimeout(() => {
      if (speculations.get(call) === speculation) speculations.delete(call);
    }, unadoptedMs).unref();
  });
}

/**
 * The prompt `prompt` on the call: adopted from the node before when it already started it
 * (waits for it to end, as playing it would), else played here. A different prompt started ahead
 * is stopped first; one that failed is played again here, so its error is this node's.
 */
async function playOnce(call: Call, prompt: Prompt): Promise<void> {
  const speculation = speculations.get(call);
  if (speculation) {
    speculations.delete(call);
    clearTimeout(speculation.expiry);
    if (speculation.key === keyOf(prompt)) {
      if ((await speculation.playing) === 'played') return;
    } else {
      speculation.controller.abort();
      await speculation.playing;
    }
  }
  if (prompt.kind === 'say') await call.say(prompt.text, prompt.speech);
  else await call.play(prompt.audio);
}

/** voice.say's playback: `call.say`, or the same prompt already started by the menu before. */
export function sayOnce(call: Call, text: string, speech: SayOptions): Promise<void> {
  return playOnce(call, { kind: 'say', text: text.trim(), speech });
}

/** voice.play's playback: `call.play`, or the same audio already started by the menu before. */
export function playAudioOnce(call: Call, audio: AudioSource): Promise<void> {
  return playOnce(call, { kind: 'play', audio });
}
