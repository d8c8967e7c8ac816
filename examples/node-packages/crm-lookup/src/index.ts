// What OMNIFLOW_NODE_PACKAGES loads: every defineNode result exported here becomes a node.
export { crmLookup } from './crm-lookup.node.ts';
