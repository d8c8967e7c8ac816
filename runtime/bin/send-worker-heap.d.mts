export declare const sendWorkerHeapFlags: string[];
export declare function nodeOptionsFor(args: string[], nodeOptions?: string): string;
