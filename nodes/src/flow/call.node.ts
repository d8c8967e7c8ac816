import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { NodeError } from '../sdk/node-error.ts';
import { outputField } from '../sdk/output-schema.ts';

export const subflowModes = ['wait', 'start'] as const;

/**
 * Runs another published flow as a Temporal child workflow. The runtime's workflow carries it out
 * (temporal/workflows/subflow-call.ts): it needs the parent's workflow to start the child, so the
 * activity below is never the one that runs.
 */
export const flowCall = defineNode({
  type: 'flow.call',
  version: 1,
  title: { en: 'Subflow', es: 'Subflujo' },
  description: {
    en: 'Runs another published flow with inputs from this run; waits for its end output, or starts it and goes on.',
    es: 'Ejecuta otro flujo publicado con datos de esta ejecución; espera su salida final, o lo inicia y sigue.',
  },
  category: 'flow',
  icon: 'workflow',
  portDescriptions: {
    done: {
      en: 'The subflow ended (waiting for it: its end output is this node’s output), or it was started.',
      es: 'El subflujo terminó (si se espera: su salida final es la salida de este nodo), o se inició.',
    },
    failed: {
      en: 'The subflow failed or could not start; its error is this node’s output (unconnected: the run fails here).',
      es: 'El subflujo falló o no pudo iniciarse; su error es la salida de este nodo (sin conectar: la ejecución falla aquí).',
    },
  },
  summary: [
    { field: 'flowName', label: { en: 'Runs', es: 'Ejecuta' } },
    { field: 'mode', as: 'choice' },
  ],
  ports: ['done', 'failed'],
  config: z.object({
    flowId: z
      .string()
      .uuid('Choose the flow to run')
      .meta({ ui: { widget: 'subflow', label: { en: 'Flow to run', es: 'Flujo que ejecuta' } } }),
    // The flow's name when it was chosen, so the card reads without a lookup.
    flowName: z
      .string()
      .max(200)
      .default('')
      .meta({ ui: { widget: 'hidden', label: { en: 'Flow name', es: 'Nombre del flujo' } } }),
    // Set when the calling flow is published: the child's latest published version then.
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ ui: { widget: 'hidden', label: { en: 'Version', es: 'Versión' } } }),
    inputs: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string())
      .default({})
      .meta({
        ui: {
          widget: 'key-value',
          template: true,
          label: { en: 'Inputs it is given', es: 'Datos que recibe' },
        },
      }),
    mode: z
      .enum(subflowModes)
      .default('wait')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'This run', es: 'Esta ejecución' },
          optionLabels: {
            wait: { en: 'waits for it to end', es: 'espera a que termine' },
            start: { en: 'starts it and goes on', es: 'lo inicia y sigue' },
          },
        },
      }),
  }),
  output: z.object({
    runId: z.string().meta(outputField('Subflow run', 'Ejecución del subflujo', '0193…')),
    output: z.unknown().meta(outputField('Its end output', 'Su salida final', { total: 3 })),
    error: z
      .object({ code: z.string(), message: z.string() })
      .optional()
      .meta(outputField('Its error', 'Su error', { code: 'NODE_FAILED', message: '…' })),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['done', 'failed'], errorPort: 'failed' }),
  activity: {
    // The options of the activity that writes the child's run row before the child starts.
    options: { startToCloseTimeout: '1m', retry: { maximumAttempts: 5 } },
    output: z.unknown(),
    run() {
      return Promise.reject(
        new NodeError('SUBFLOW_NEEDS_WORKFLOW', 'A subflow is started by its run’s workflow', false),
      );
    },
  },
});
