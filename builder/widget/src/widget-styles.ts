/** The widget's look; lives in its shadow root so the host page's CSS cannot reach it. */
export const widgetStyles = `
:host { all: initial; position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--of-brand); outline-offset: 2px; }
.bubble { width: 56px; height: 56px; border-radius: 50%; border: none; background: var(--of-brand);
  color: var(--of-on-brand); box-shadow: 0 4px 14px rgba(0,0,0,.25); display: grid; place-items: center; }
.bubble svg { width: 28px; height: 28px; fill: currentColor; }
.panel { position: absolute; right: 0; bottom: 72px; width: min(360px, calc(100vw - 40px));
  height: min(520px, calc(100vh - 120px)); background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 10px 40px rgba(0,0,0,.25); display: flex; flex-direction: column; }
.panel[hidden] { display: none; }
header { background: var(--of-brand); color: var(--of-on-brand); padding: 12px 14px; display: flex;
  align-items: center; justify-content: space-between; }
header h2 { font-size: 16px; margin: 0; font-weight: 600; }
header button { background: transparent; border: none; color: inherit; font-size: 22px; line-height: 1; }
.status { font-size: 12px; padding: 4px 14px; background: #fff8c5; }
.status:empty { display: none; }
ol { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex;
  flex-direction: column; gap: 8px; background: #f6f8fa; }
li { max-width: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
li.bot { align-self: flex-start; background: #fff; border: 1px solid #d0d7de; border-bottom-left-radius: 4px; }
li.visitor { align-self: flex-end; background: var(--of-brand); color: var(--of-on-brand);
  border-bottom-right-radius: 4px; }
li.failed { opacity: .7; cursor: pointer; }
li.failed::after { content: attr(data-error); display: block; font-size: 12px; }
li img { max-width: 100%; border-radius: 8px; display: block; }
li a { color: inherit; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; align-self: flex-start; max-width: 100%; }
.chips button { border: 1px solid var(--of-brand); color: var(--of-brand-text); background: #fff;
  border-radius: 999px; padding: 6px 12px; }
.chips button:hover { background: var(--of-brand); color: var(--of-on-brand); }
.typing { align-self: flex-start; display: flex; gap: 4px; padding: 12px; background: #fff;
  border: 1px solid #d0d7de; border-radius: 14px; }
.typing span { width: 7px; height: 7px; border-radius: 50%; background: #8c959f;
  animation: of-blink 1.2s infinite ease-in-out; }
.typing span:nth-child(2) { animation-delay: .2s; } .typing span:nth-child(3) { animation-delay: .4s; }
@keyframes of-blink { 0%, 80%, 100% { opacity: .3; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .typing span { animation: none; } }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d0d7de; background: #fff; }
input { flex: 1; font: inherit; padding: 8px 12px; border: 1px solid #d0d7de; border-radius: 999px; }
form button { border: none; border-radius: 999px; padding: 8px 14px; background: var(--of-brand);
  color: var(--of-on-brand); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
