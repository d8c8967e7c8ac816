import type { PlacedCallLeg } from '@omniflow/nodes/drivers/voice';
import type { WebRtcMedia } from './webrtc-media.ts';

/**
 * A browser call seen as a call leg: the flow plays, gathers keys and hangs up on it as on a call
 * the SIP endpoint placed. `hangup` is the flow's (or the server's) end; `remoteHangup` the
 * browser's (its BYE, or its media gone).
 */
export class BrowserCallLeg implements PlacedCallLeg {
  readonly ended: Promise<'remote' | 'local'>;
  onInfoKey: ((key: string) => void) | undefined;
  private over = false;
  private resolveEnded!: (side: 'remote' | 'local') => void;

  constructor(
    private readonly media: WebRtcMedia,
    /** Tells the browser the call is over (SIP BYE over its WebSocket). */
    private readonly sendBye: () => void,
  ) {
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
    media.onLost(() => this.remoteHangup());
  }

  get rtp() {
    return this.media.rtp;
  }

  get isEnded(): boolean {
    return this.over;
  }

  async hangup(): Promise<void> {
    if (this.over) return;
    this.sendBye();
    await this.finish('local');
  }

  remoteHangup(): void {
    void this.finish('remote');
  }

  private async finish(side: 'remote' | 'local'): Promise<void> {
    if (this.over) return;
    this.over = true;
    this.resolveEnded(side);
    await this.media.close();
  }
}
