import { mailSrcdoc } from './mail-srcdoc.ts';

/**
 * A mail's HTML as sent, in a frame of its own origin-less sandbox: no scripts, no access to the
 * app (no allow-scripts, no allow-same-origin). Links may open new tabs, outside the sandbox, so
 * the unsubscribe and tracking links work as a reader's would.
 */
export function MailHtmlFrame({ html, title }: { html: string; title: string }) {
  return (
    <iframe
      title={title}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={mailSrcdoc(html)}
      className="h-[520px] w-full rounded border border-slate-200 bg-white"
    />
  );
}
