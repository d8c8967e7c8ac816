export const validationCodes = [
  'NO_TRIGGER',
  'MULTIPLE_TRIGGERS',
  'TRIGGER_NOT_FOUND',
  'TRIGGER_NOT_A_TRIGGER',
  'DUPLICATE_NODE_ID',
  'DUPLICATE_EDGE_ID',
  'UNKNOWN_NODE_TYPE',
  'UNKNOWN_NODE_VERSION',
  'NODE_CONFIG_INVALID',
  'TEMPLATE_INVALID',
  'EDGE_NODE_NOT_FOUND',
  'EDGE_UNKNOWN_PORT',
  'PORT_MULTIPLE_EDGES',
  'EDGE_TO_TRIGGER',
  'REQUIRED_PORT_UNWIRED',
  'UNREACHABLE_NODE',
  'LOOP_WITHOUT_WAIT',
  'VARIABLE_DUPLICATE',
  'CONVERSATION_CHANNEL_WITHOUT_MESSAGE',
  'WHATSAPP_WINDOW_MAY_CLOSE',
  'EMAIL_REPLY_WITHOUT_MAIL',
  'TEMPLATE_RENDERS_OBJECT',
  'OUTCOME_PORT_UNWIRED',
  'TRIGGER_LEADS_NOWHERE',
  'HANGUP_LEADS_TO_CALL',
  'FLOW_FIELD_TOO_LONG',
  'TRIGGER_CLAIMED',
  'WEBHOOK_PATH_INVALID',
  'RESPOND_WITHOUT_WEBHOOK',
  'CODE_EMPTY',
  'CODE_SYNTAX_ERROR',
  'AI_CLASSIFY_WITHOUT_INTENTS',
  'AI_EXTRACT_WITHOUT_FIELDS',
  // Checked against the workspace's prompts (runtime/src/voice-prompts/unknown-voice-prompts.ts).
  'VOICE_PROMPT_UNKNOWN',
  // Checked against the workspace's flows (runtime/src/subflows/subflow-calls.ts).
  'SUBFLOW_NOT_PUBLISHED',
  'SUBFLOW_CYCLE',
  'SUBFLOW_INPUT_UNKNOWN',
  'SUBFLOW_INPUT_MISSING',
] as const;
export type ValidationCode = (typeof validationCodes)[number];

export interface ValidationIssue {
  code: ValidationCode;
  message: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  /** Path inside the node's config, for config errors. */
  path?: (string | number)[];
  /**
   * The values the builder puts into its own sentence for this code (catalog key `problem.<CODE>`,
   * builder/src/features/editor/problem-messages.ts); `message` stays the English text for the API
   * and the CLI.
   */
  params?: Record<string, string | number>;
}
