/**
 * Mail services whose SMTP host is not the machine that delivers the mail: SPF must name the
 * service's published include instead (each from the provider's own SPF set-up page). `mx` is the
 * service's inbound host, for providers that also receive the domain's mail.
 */
interface KnownProvider {
  name: string;
  hosts: RegExp;
  spfInclude: string;
  mx?: (domain: string) => { priority: number; exchange: string };
}

const knownProviders: KnownProvider[] = [
  {
    name: 'Google Workspace',
    hosts: /^(smtp|smtp-relay)\.gmail\.com$/,
    spfInclude: '_spf.google.com',
    mx: () => ({ priority: 1, exchange: 'smtp.google.com' }),
  },
  {
    name: 'Microsoft 365',
    hosts: /^(smtp\.office365\.com|smtp-mail\.outlook\.com|[a-z0-9-]+\.mail\.protection\.outlook\.com)$/,
    spfInclude: 'spf.protection.outlook.com',
    mx: (domain) => ({ priority: 0, exchange: `${domain.replaceAll('.', '-')}.mail.protection.outlook.com` }),
  },
  { name: 'Amazon SES', hosts: /^email-smtp\.[a-z0-9-]+\.amazonaws\.com$/, spfInclude: 'amazonses.com' },
  { name: 'SendGrid', hosts: /^smtp\.sendgrid\.net$/, spfInclude: 'sendgrid.net' },
  { name: 'Mailgun', hosts: /^smtp\.(eu\.)?mailgun\.org$/, spfInclude: 'mailgun.org' },
  { name: 'Postmark', hosts: /^smtp(-broadcasts)?\.postmarkapp\.com$/, spfInclude: 'spf.mtasv.net' },
  { name: 'Brevo', hosts: /^smtp-relay\.(brevo|sendinblue)\.com$/, spfInclude: 'spf.brevo.com' },
];

/** The mail service an SMTP host belongs to, when it is one we know. */
export function knownProviderOf(host: string): KnownProvider | undefined {
  const bare = host.toLowerCase().replace(/\.$/, '');
  return knownProviders.find((p) => p.hosts.test(bare));
}
