import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/use-i18n.ts';
import { FlowFileError, readFlowFile } from './flow-file.ts';

const file = (text: string) => new File([text], 'flow.json', { type: 'application/json' });

describe('readFlowFile', () => {
  it('reads a flow document', async () => {
    expect((await readFlowFile(file('{"name":"A","nodes":[],"edges":[]}'))).name).toBe('A');
  });

  it('says why a file is not a flow in the reader’s language', async () => {
    const notJson = await readFlowFile(file('{"name": "broken",')).catch((e: unknown) => e);
    expect(notJson).toBeInstanceOf(FlowFileError);
    expect(translate('es', (notJson as FlowFileError).reason)).toBe('no es un archivo JSON, o está dañado');
    const noNodes = await readFlowFile(file('{"name": "A"}')).catch((e: unknown) => e);
    expect(translate('es', (noNodes as FlowFileError).reason)).toBe('no tiene lista de pasos («nodes»)');
  });
});
