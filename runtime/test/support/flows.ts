// Small flows several tests publish; each says what it is for.

/** start → notify (a side effect) → flaky (failed port unwired: the run fails there) → end. */
export function notifyThenFlakyFlow(base: string, name = 'Notify then call') {
  return {
    name,
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      {
        id: 'notify',
        type: 'http.request',
        config: { method: 'POST', url: `${base}/notify`, body: '{"who": "{{ input.phone }}"}' },
      },
      { id: 'flaky', type: 'http.request', config: { method: 'POST', url: `${base}/flaky` } },
      { id: 'done', type: 'flow.end', config: { output: { status: '{{ nodes.flaky.output.status }}' } } },
      { id: 'notifyFailed', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'notify' } },
      { id: 'e2', from: { node: 'notify', port: 'success' }, to: { node: 'flaky' } },
      { id: 'e3', from: { node: 'notify', port: 'failed' }, to: { node: 'notifyFailed' } },
      { id: 'e4', from: { node: 'flaky', port: 'success' }, to: { node: 'done' } },
    ],
  };
}

/** start → wait for `event` (timeout loops back to keep waiting): a run that stays in flight. */
export function waitsForEventFlow(name = 'Waits for a reply', event = 'reply', nodeId = 'reply') {
  return {
    name,
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      { id: nodeId, type: 'logic.wait-for-event', config: { event, timeout: 'P1D' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: nodeId } },
      { id: 'e2', from: { node: nodeId, port: 'timeout' }, to: { node: nodeId } },
    ],
  };
}

/** start → send one message to `input.phone` on a channel: a notice, a reminder. */
export function sendOnlyFlow(name: string, channel: string, text: string) {
  return {
    name,
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      { id: 'tell', type: 'message.send', config: { channel, to: '{{ input.phone }}', text } },
      { id: 'end', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'tell' } },
      { id: 'e2', from: { node: 'tell', port: 'sent' }, to: { node: 'end' } },
    ],
  };
}

/** An inbox answered by a flow: a mail to `to` (any address when empty) gets a reply in kind. */
export function emailAutoReplyFlow(
  name = 'Help desk auto-reply',
  to = '',
  statusLink = 'https://status.example.org/tickets',
) {
  return {
    name,
    nodes: [
      { id: 'mail', type: 'message.inbound', config: { channel: 'email', to } },
      {
        id: 'reply',
        type: 'message.send',
        config: {
          channel: 'conversation',
          to: '{{ input.from }}',
          text: `Hola, recibimos tu correo: «{{ input.text }}». Te contestamos hoy. Ver el estado: ${statusLink}`,
        },
      },
      { id: 'end', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'reply' } },
      { id: 'e2', from: { node: 'reply', port: 'sent' }, to: { node: 'end' } },
    ],
  };
}
