import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { outputField } from '../sdk/output-schema.ts';
import { runInSandbox } from './code-sandbox.ts';
import { scriptSource } from './code-source.ts';

export const codeLanguages = ['javascript', 'typescript'] as const;

/** The largest return value kept as the node's output: it travels in the run's history. */
export const codeOutputChars = 256 * 1024;

export const logicCode = defineNode({
  type: 'logic.code',
  version: 1,
  title: { en: 'Code', es: 'Código' },
  description: {
    en: 'Runs a short JavaScript or TypeScript function in a sandbox; what it returns becomes this step’s output, and an error it throws leaves by "failed".',
    es: 'Ejecuta una función corta en JavaScript o TypeScript dentro de un entorno aislado; lo que devuelve es la salida del paso, y un error que lance sale por «fallo».',
  },
  category: 'logic',
  pure: true,
  icon: 'code',
  portDescriptions: {
    next: {
      en: 'The code returned; its value is this step’s output.',
      es: 'El código terminó; lo que devolvió es la salida del paso.',
    },
    failed: {
      en: 'The code threw an error or passed a limit (time, memory, size of its answer); the output holds the message.',
      es: 'El código lanzó un error o pasó un límite (tiempo, memoria, tamaño de la respuesta); la salida tiene el mensaje.',
    },
  },
  summary: [{ field: 'language', as: 'choice' }],
  ports: ['next', 'failed'],
  config: z.object({
    language: z
      .enum(codeLanguages)
      .default('javascript')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Language', es: 'Lenguaje' },
          optionLabels: {
            javascript: { en: 'JavaScript', es: 'JavaScript' },
            typescript: { en: 'TypeScript', es: 'TypeScript' },
          },
        },
      }),
    // Empty is allowed here so a half-written step still saves; the validator names it (CODE_EMPTY).
    code: z
      .string()
      .default('')
      .meta({
        ui: {
          widget: 'script',
          languageFrom: 'language',
          label: { en: 'Code', es: 'Código' },
          help: {
            en: 'The body of a function: use input, vars and nodes.<id>.output, await if you need to, and return the result (it must be JSON). There is no network, files, timers or process.',
            es: 'El cuerpo de una función: usa input, vars y nodes.<id>.output, await si lo necesitas, y devuelve el resultado con return (debe ser JSON). No hay red, archivos, temporizadores ni proceso.',
          },
        },
      }),
    timeLimitMs: z
      .number()
      .int()
      .min(10)
      .max(10_000)
      .default(1000)
      .meta({ ui: { widget: 'number', label: { en: 'Time limit (ms)', es: 'Tiempo máximo (ms)' } } }),
    memoryLimitMb: z
      .number()
      .int()
      .min(1)
      .max(128)
      .default(32)
      .meta({ ui: { widget: 'number', label: { en: 'Memory limit (MB)', es: 'Memoria máxima (MB)' } } }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next', 'failed'], errorPort: 'failed' }),
  activity: {
    // The same code with the same context gives the same answer: a retry would only fail again.
    options: { startToCloseTimeout: '1m', retry: { maximumAttempts: 1 } },
    output: z.unknown().meta(outputField('Returned value', 'Valor devuelto', { total: 42 })),
    async run(config, scope) {
      const source = scriptSource(config.language, config.code);
      const input = { language: config.language };
      if (!source.ok) {
        return {
          port: 'failed',
          output: { error: source.message, code: 'CODE_SYNTAX_ERROR' },
          input,
          fault: { code: 'CODE_SYNTAX_ERROR', message: source.message },
        };
      }
      const result = await runInSandbox(
        source.wrapped,
        { input: scope.input, vars: scope.vars, nodes: scope.nodes, run: scope.run },
        {
          timeMs: config.timeLimitMs,
          memoryBytes: config.memoryLimitMb * 1024 * 1024,
          outputChars: codeOutputChars,
        },
        source.lines,
      );
      const logged = { ...input, logs: result.logs };
      if (result.ok) return { port: 'next', output: result.value, input: logged };
      return {
        port: 'failed',
        output: { error: result.message, code: result.code },
        input: logged,
        fault: { code: result.code, message: result.message },
      };
    },
  },
});
