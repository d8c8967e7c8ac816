/**
 * An error a node raises on purpose. `retryable: false` tells the runtime that trying again
 * cannot help (a blocked address, a config problem), so the activity fails at once.
 */
export class NodeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = true,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'NodeError';
  }
}
