/** The task queue flow runs and their node activities use. */
export const flowTaskQueue = process.env.OMNIFLOW_TASK_QUEUE ?? 'omniflow-flows';
