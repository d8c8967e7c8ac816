/** A sine tone at 8 kHz, for the beep before a recording. */
export function tone(frequencyHz: number, durationMs: number, amplitude = 8000): Int16Array {
  const samples = new Int16Array(Math.round((durationMs * 8000) / 1000));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.round(amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / 8000));
  }
  return samples;
}

export const recordBeep = tone(1000, 400);
