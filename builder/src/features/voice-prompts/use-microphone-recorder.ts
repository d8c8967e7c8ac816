import { useCallback, useEffect, useRef, useState } from 'react';
import { encodeWav } from './encode-wav.ts';

type RecorderState =
  | { kind: 'idle' }
  | { kind: 'recording'; seconds: number }
  | { kind: 'recorded'; wav: Blob; url: string }
  | { kind: 'failed'; reason: string };

/**
 * Records the microphone as PCM through Web Audio and hands back a WAV (encode-wav.ts explains
 * why not MediaRecorder). A ScriptProcessorNode copies the samples: deprecated but everywhere,
 * and an AudioWorklet would need a separately served module for a few seconds of speech.
 */
export function useMicrophoneRecorder() {
  const [state, setState] = useState<RecorderState>({ kind: 'idle' });
  const session = useRef<{ stop(): void } | null>(null);

  const start = useCallback(async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(4096, 1, 1);
    const chunks: Float32Array[] = [];
    let samples = 0;
    processor.onaudioprocess = (event) => {
      const copy = new Float32Array(event.inputBuffer.getChannelData(0));
      chunks.push(copy);
      samples += copy.length;
      setState({ kind: 'recording', seconds: Math.floor(samples / context.sampleRate) });
    };
    source.connect(processor);
    // A processor only runs when connected to the output; it writes silence there.
    processor.connect(context.destination);
    setState({ kind: 'recording', seconds: 0 });
    session.current = {
      stop() {
        processor.disconnect();
        source.disconnect();
        stream.getTracks().forEach((track) => track.stop());
        const wav = encodeWav(chunks, context.sampleRate);
        void context.close();
        setState({ kind: 'recorded', wav, url: URL.createObjectURL(wav) });
      },
    };
  }, []);

  const stop = useCallback(() => {
    session.current?.stop();
    session.current = null;
  }, []);

  const reset = useCallback(() => {
    setState((current) => {
      if (current.kind === 'recorded') URL.revokeObjectURL(current.url);
      return { kind: 'idle' };
    });
  }, []);

  useEffect(() => () => session.current?.stop(), []);

  return { state, start, stop, reset };
}
