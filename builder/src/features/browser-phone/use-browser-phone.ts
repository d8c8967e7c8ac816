import { useCallback, useEffect, useRef, useState } from 'react';
import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';

export type PhoneState = 'idle' | 'connecting' | 'ringing' | 'inCall' | 'ended';

/** Why a call did not happen, in words the panel picks a sentence for. */
export type PhoneProblem =
  | { kind: 'noFlow' }
  | { kind: 'notVoice' }
  | { kind: 'fixFirst' }
  | { kind: 'noMicrophone' }
  | { kind: 'noConnection' }
  | { kind: 'failed'; reason: string };

/** The request-URI user that calls a flow's draft (runtime/src/voice/browser-phone). */
export const draftTarget = (flowId: string) => `draft-${flowId}`;

/** The phone's SIP-over-WebSocket address: the API of the page's own origin, signed in by cookie. */
const socketUrl = () =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/phone/sip`;

function problemOf(status: number | undefined, cause: string): PhoneProblem {
  if (status === 404) return { kind: 'noFlow' };
  if (status === 415) return { kind: 'notVoice' };
  if (status === 400) return { kind: 'fixFirst' };
  if (cause === JsSIP.C.causes.USER_DENIED_MEDIA_ACCESS) return { kind: 'noMicrophone' };
  if (cause === JsSIP.C.causes.CONNECTION_ERROR || cause === JsSIP.C.causes.REQUEST_TIMEOUT)
    return { kind: 'noConnection' };
  return { kind: 'failed', reason: status ? `${status} ${cause}` : cause };
}

/**
 * A SIP user agent over WebSocket (JsSIP, RFC 7118) that calls a flow: the browser's microphone
 * goes up over WebRTC, the flow's prompts come back on `remoteStream`, keys go as RFC 4733
 * telephone-events. `runId` is the run the call started (the server names it in its answer).
 */
export function useBrowserPhone() {
  const [state, setState] = useState<PhoneState>('idle');
  const [problem, setProblem] = useState<PhoneProblem | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [muted, setMuted] = useState(false);
  const [pressed, setPressed] = useState('');
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const ua = useRef<JsSIP.UA | null>(null);
  const session = useRef<RTCSession | null>(null);

  useEffect(
    () => () => {
      // A call the flow already hung up throws on terminate(); thrown in this cleanup (leaving the
      // Test run tab after the call) it blanked the whole editor.
      const current = session.current;
      if (current && !current.isEnded()) current.terminate();
      ua.current?.stop();
    },
    [],
  );

  const call = useCallback((target: string) => {
    setProblem(null);
    setRunId(null);
    setPressed('');
    setMuted(false);
    setRemoteStream(null);
    setState('connecting');
    if (!ua.current) {
      ua.current = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(socketUrl())],
        uri: 'sip:designer@omniflow.invalid',
        register: false,
        session_timers: false,
        // A refused socket (signed out) fails the call at once rather than retrying for minutes.
        connection_recovery_max_interval: 10,
      });
      ua.current.start();
    }
    const started = ua.current.call(`sip:${target}@omniflow.invalid`, {
      mediaConstraints: { audio: true, video: false },
      pcConfig: { iceServers: [] },
    });
    session.current = started;
    started.on('progress', () => setState('ringing'));
    started.on('accepted', (event: { response?: { getHeader?: (name: string) => string | undefined } }) => {
      const response = event.response;
      setRunId(response?.getHeader?.('X-Omniflow-Run-Id') ?? null);
      // The answer is applied: the receivers carry the flow's audio. (JsSIP makes an outgoing
      // call's peer connection inside call(), before a 'peerconnection' listener could be added.)
      const tracks = started.connection.getReceivers().map((r) => r.track);
      setRemoteStream(new MediaStream(tracks.filter((t) => t.kind === 'audio')));
      setState('inCall');
    });
    started.on('ended', () => setState('ended'));
    started.on('failed', (event) => {
      const message = event.message as { status_code?: number } | undefined;
      setProblem(problemOf(message?.status_code, String(event.cause)));
      setState('ended');
    });
  }, []);

  const hangUp = useCallback(() => {
    const current = session.current;
    if (current && !current.isEnded()) current.terminate();
  }, []);

  const press = useCallback((key: string) => {
    const current = session.current;
    if (!current?.isEstablished()) return;
    current.sendDTMF(key, { transportType: JsSIP.C.DTMF_TRANSPORT.RFC2833, duration: 160, interToneGap: 80 });
    setPressed((keys) => keys + key);
  }, []);

  const toggleMute = useCallback(() => {
    const current = session.current;
    if (!current?.isEstablished()) return;
    if (current.isMuted().audio) {
      current.unmute({ audio: true });
      setMuted(false);
    } else {
      current.mute({ audio: true });
      setMuted(true);
    }
  }, []);

  return { state, problem, runId, muted, pressed, remoteStream, call, hangUp, press, toggleMute };
}
