import type { z } from 'zod';

export type ZodIssueReason =
  | 'required'
  | 'not_text'
  | 'not_number'
  | 'not_whole_number'
  | 'not_yes_no'
  | 'not_list'
  | 'not_group'
  | 'wrong_type'
  | 'too_long'
  | 'too_short'
  | 'too_big'
  | 'too_small'
  | 'too_many'
  | 'too_few'
  | 'not_option'
  | 'bad_email'
  | 'bad_url'
  | 'bad_format'
  | 'unknown_keys'
  | 'either'
  | 'invalid';

const typeReasons: Record<string, ZodIssueReason> = {
  string: 'not_text',
  number: 'not_number',
  int: 'not_whole_number',
  boolean: 'not_yes_no',
  array: 'not_list',
  object: 'not_group',
};

/**
 * What is wrong, in one word a sentence can be picked by: `value` is what was given at the
 * issue's path (undefined: nothing was).
 */
export function zodIssueReason(issue: z.core.$ZodIssue, value: unknown): ZodIssueReason {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null) return 'required';
      return typeReasons[issue.expected] ?? 'wrong_type';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : issue.origin === 'array' ? 'too_many' : 'too_big';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too_short';
      return issue.origin === 'array' ? 'too_few' : 'too_small';
    case 'invalid_value':
      return 'not_option';
    case 'invalid_format':
      return issue.format === 'email' ? 'bad_email' : issue.format === 'url' ? 'bad_url' : 'bad_format';
    case 'unrecognized_keys':
      return 'unknown_keys';
    case 'invalid_union':
      return value === undefined ? 'required' : 'invalid';
    case 'custom':
      // A cross-field rule of a node (say/menu/gather: the text or a recorded audio) names its
      // reason; `params.other` is the path of the field that would do instead.
      return issue.params?.['reason'] === 'either' ? 'either' : 'invalid';
    default:
      return 'invalid';
  }
}
