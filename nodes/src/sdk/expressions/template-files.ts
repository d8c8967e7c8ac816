import type { FS } from 'liquidjs';

/** Thrown when a template names a file (`include`, `render`, `layout`) that is not in its library. */
export class TemplateFileError extends Error {
  readonly code = 'TEMPLATE_FILE_ACCESS';
  constructor(readonly file: string) {
    super(
      `Templates cannot read files: "${file}" is not in the template library ` +
        '(include, render and layout only name library templates).',
    );
    this.name = 'TemplateFileError';
  }
}

/**
 * The only "file system" Liquid sees: named templates held in memory. It never touches the disk,
 * so `{% include 'package.json' %}` cannot send a server file. Flow templates get an empty one;
 * templates of the workspace's library (`renderLibraryText`) get the library's templates by name.
 */
export class TemplateFiles implements FS {
  readonly sep = '/';

  constructor(private readonly files: ReadonlyMap<string, string> = new Map()) {}

  // Liquid asks `exists` before reading; refusing here gives the designer our message instead of
  // Liquid's ENOENT with the lookup roots in it.
  existsSync(file: string): boolean {
    if (!this.files.has(file)) throw new TemplateFileError(file);
    return true;
  }

  exists(file: string): Promise<boolean> {
    return Promise.resolve(this.existsSync(file));
  }

  readFileSync(file: string): string {
    const text = this.files.get(file);
    if (text === undefined) throw new TemplateFileError(file);
    return text;
  }

  readFile(file: string): Promise<string> {
    return Promise.resolve(this.readFileSync(file));
  }

  // Names are keys, not paths: no directories, no `..`.
  resolve(_dir: string, file: string, ext: string): string {
    return file + ext;
  }

  containsSync(): boolean {
    return true;
  }

  contains(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
