import { z } from 'zod';

/**
 * Settings of the built-in SIP endpoint, as they come from the environment or a config file
 * (hence zod). The defaults are the dev defaults: loopback only, port 5060.
 */
export const sipEndpointOptionsSchema = z
  .object({
    /** Address the SIP and RTP sockets bind to. */
    host: z.string().min(1).default('127.0.0.1'),
    /** SIP port for UDP and TCP alike; 0 picks a free one (tests). */
    port: z.number().int().min(0).max(65535).default(5060),
    transports: z
      .array(z.enum(['udp', 'tcp']))
      .min(1)
      .default(['udp', 'tcp']),
    /** Address written into Via, Contact and SDP when it differs from `host` (0.0.0.0, NAT). */
    publicAddress: z.string().min(1).optional(),
    /** RTP port range, inclusive; one even port per call. */
    rtpPortMin: z.number().int().min(1024).max(65534).default(20000),
    rtpPortMax: z.number().int().min(1025).max(65535).default(20999),
    userAgent: z.string().min(1).default('Omniflow'),
    /** How long a blind transfer waits for the transferee's final NOTIFY (RFC 3515). */
    transferTimeoutMs: z.number().int().positive().default(30_000),
    /**
     * Where transfers to a phone number go: `host[:port][;transport=tcp]` of a SIP trunk or PBX
     * (OMNIFLOW_SIP_TRUNK); numbers become `sip:<number>@<trunk>`. SIP URIs are called directly.
     */
    trunk: z.string().min(1).optional(),
    /** How long an attended transfer rings when the node does not say. */
    ringTimeoutMs: z.number().int().positive().default(30_000),
  })
  .refine((o) => o.rtpPortMax > o.rtpPortMin, {
    message: 'rtpPortMax must be above rtpPortMin',
    path: ['rtpPortMax'],
  })
  .refine((o) => o.publicAddress !== undefined || (o.host !== '0.0.0.0' && o.host !== '::'), {
    message: 'Binding to a wildcard address needs publicAddress for Contact and SDP',
    path: ['publicAddress'],
  });

export type SipEndpointOptionsInput = z.input<typeof sipEndpointOptionsSchema>;
export type SipEndpointOptions = z.output<typeof sipEndpointOptionsSchema>;
