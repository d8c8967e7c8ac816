import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { arg, t } from '../cli-i18n.ts';
import { ScaffoldRefused, scaffoldNodePackage } from '../../node-packages/scaffold-node-package.ts';

/** `omniflow node new <name>`: writes a node package to start from (no API, no database). */
export function registerNodePackageCommands(program: Command): void {
  const node = program.command('node').description(t('node.description'));
  node
    .command('new')
    .description(t('node.new.description'))
    .argument(arg('name'), t('node.new.argument'))
    .option(`--type ${arg('type')}`, t('node.new.option.type'))
    .option(`--dir ${arg('directory')}`, t('node.new.option.dir'))
    .action((name: string, options: { type?: string; dir?: string }) => {
      let files: Record<string, string>;
      try {
        files = scaffoldNodePackage({ name, ...(options.type ? { type: options.type } : {}) });
      } catch (error) {
        if (error instanceof ScaffoldRefused)
          throw new Error(t(`node.new.${error.reason}`, { value: error.value }));
        throw error;
      }
      const target = resolve(options.dir ?? name);
      if (existsSync(target) && readdirSync(target).length > 0)
        throw new Error(t('node.new.notEmpty', { dir: target }));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(target, path)), { recursive: true });
        writeFileSync(join(target, path), text);
      }
      console.log(t('node.new.done', { dir: target, count: Object.keys(files).length }));
      console.log(t('node.new.next', { dir: target }));
    });
}
