// For the runtime's own outbound calls (the send API's status webhook): the same private-target
// guard the http.request node uses.
export { sendRequest, type HttpCall, type HttpReply } from './send-request.ts';
export { blockedTargetError, isPrivateAddress } from './guarded-lookup.ts';
