/**
 * A rule that does not fit the workspace (an unknown field, an operator that does not suit the
 * field's type, a campaign of another workspace): the API answers 422 naming it.
 */
export class SegmentRuleError extends Error {
  readonly code = 'SEGMENT_RULE_INVALID';
  /** Where in the tree, 1-based: [2, 1] is the first rule of the second rule's group. */
  readonly path: number[];

  constructor(path: number[], problem: string) {
    super(path.length > 0 ? `Rule ${path.join('.')}: ${problem}` : `The rules: ${problem}`);
    this.path = path;
  }
}
