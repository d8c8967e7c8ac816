import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { scriptSyntaxError } from '@omniflow/nodes/logic/code';
import type { FlowDocument } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';
import { nodeNames } from './issue-names.ts';

/**
 * Errors found in a code node's script or an AI node's setup when the flow is saved, before any
 * run meets them: an empty script, a script that does not parse (checked without running it), a
 * classifier with no intents to sort into.
 */
export function codeAndAiErrors(
  doc: FlowDocument,
  definitions: ReadonlyMap<string, AnyNodeDefinition>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const node of doc.nodes) {
    const definition = definitions.get(node.id);
    if (!definition) continue;
    const names = nodeNames(node, definition);
    if (node.type === 'logic.code') {
      const parsed = definition.config.safeParse(node.config);
      if (!parsed.success) continue;
      const { code, language } = parsed.data as { code: string; language: 'javascript' | 'typescript' };
      if (code.trim() === '') {
        issues.push({
          code: 'CODE_EMPTY',
          severity: 'error',
          nodeId: node.id,
          path: ['code'],
          params: names,
          message: `"${node.id}" has no code: write what it computes and return the result`,
        });
        continue;
      }
      const syntax = scriptSyntaxError(language, code);
      if (syntax) {
        issues.push({
          code: 'CODE_SYNTAX_ERROR',
          severity: 'error',
          nodeId: node.id,
          path: ['code'],
          // The designer's sentence (problem.CODE_SYNTAX_ERROR) names only where; the parser's own
          // English words stay in `message`, the technical text the API and the CLI show.
          params: { ...names, line: syntax.line, column: syntax.column },
          message: `"${node.id}": line ${syntax.line}, column ${syntax.column} of the code does not parse: ${syntax.message}`,
        });
      }
    }
    if (node.type === 'ai.chat') {
      const parsed = definition.config.safeParse(node.config);
      if (!parsed.success) continue;
      const config = parsed.data as { mode: string; intents: unknown[]; fields: unknown[] };
      if (config.mode === 'classify' && config.intents.length === 0) {
        issues.push({
          code: 'AI_CLASSIFY_WITHOUT_INTENTS',
          severity: 'error',
          nodeId: node.id,
          path: ['intents'],
          params: names,
          message: `"${node.id}" classifies messages but has no intents: add at least one`,
        });
      }
      if (config.mode === 'extract' && config.fields.length === 0) {
        issues.push({
          code: 'AI_EXTRACT_WITHOUT_FIELDS',
          severity: 'error',
          nodeId: node.id,
          path: ['fields'],
          params: names,
          message: `"${node.id}" extracts fields but lists none: add the fields to look for`,
        });
      }
    }
  }
  return issues;
}
