// For the runtime's own outbound calls (the send API's status webhook): the same private-target
// guard the http.request node uses.
export { sendRequest, type HttpCall, type HttpReply } from './send-request.ts';
export { blockedTargetError, isPrivateAddress } from './guarded-lookup.ts';
// For the runtime's /hooks routes: what a webhook trigger takes and how its answer is kept.
export {
  httpWebhook,
  normalizeWebhookPath,
  respondWithinMs,
  webhookMethods,
  webhookPathProblem,
  type HttpWebhookConfig,
  type WebhookMethod,
} from './webhook.node.ts';
export type { HttpResponse } from './respond.instructions.ts';
