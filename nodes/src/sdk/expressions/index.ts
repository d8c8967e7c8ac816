export * from './templates.ts';
export * from './conditions.ts';
export { answerKinds, parseAnswer, type AnswerKind, type Choice, type Reply } from './answers.ts';
