/** What an admin may change in the web chat tag (README "Web chat on your site"). */
export interface EmbedOptions {
  color: string;
  title: string;
  greeting: string;
  /** '' leaves `data-lang` out: the widget then follows the visitor's browser. */
  lang: '' | 'es' | 'en';
}

const attributes = { color: 'data-color', title: 'data-title', greeting: 'data-greeting', lang: 'data-lang' };

const attributePattern = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

// A title or greeting is free text going into an HTML attribute on someone's site.
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The options the server's tag starts with, so its defaults are the form's. */
export function readEmbedOptions(embedCode: string): EmbedOptions {
  const read = (name: string) => {
    const found = attributePattern(name).exec(embedCode)?.[1];
    return found === undefined ? undefined : unescape(found);
  };
  const lang = read(attributes.lang);
  return {
    color: read(attributes.color) ?? '#0b5cad',
    title: read(attributes.title) ?? 'Chat',
    greeting: read(attributes.greeting) ?? '',
    lang: lang === 'es' || lang === 'en' ? lang : '',
  };
}

/**
 * The server's tag with the options written in. Attributes are replaced where the tag has them and
 * added before `async` otherwise; `src` and `data-key` are never touched.
 */
export function withEmbedOptions(embedCode: string, options: EmbedOptions): string {
  let code = embedCode;
  for (const [option, name] of Object.entries(attributes) as [keyof EmbedOptions, string][]) {
    const value = options[option];
    const pattern = attributePattern(name);
    if (option === 'lang' && value === '') {
      code = code.replace(pattern, '');
      continue;
    }
    const attribute = ` ${name}="${escape(value)}"`;
    code = pattern.test(code)
      ? code.replace(pattern, () => attribute)
      : code.replace(/(\sasync)?><\/script>$/, (end) => `${attribute}${end}`);
  }
  return code;
}
