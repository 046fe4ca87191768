import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loggerScaffold } from '../src/scaffold/logger';
import { makeService } from './helpers/service';

// Only what the scaffold needs from Node, so the check is about the ECMAScript library alone.
const NODE_STUB = 'declare const process: { env: Record<string, string | undefined>; stdout: { write(s: string): boolean } };\n';

function diagnosticsWithLib(source: string, lib: string[]): string[] {
  const files: Record<string, string> = { '/svc/src/logger.ts': source, '/svc/node.d.ts': NODE_STUB };
  const options: ts.CompilerOptions = { lib, target: ts.ScriptTarget.ES5, strict: true, noEmit: true, types: [], module: ts.ModuleKind.CommonJS };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => files[f] ?? read(f);
  host.fileExists = (f) => f in files || ts.sys.fileExists(f);
  host.getSourceFile = ((orig) => (f: string, v: ts.ScriptTarget) => (f in files ? ts.createSourceFile(f, files[f], v) : orig(f, v)))(host.getSourceFile.bind(host));
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the dependency-free logger scaffold', () => {
  it('type-checks in a service compiled against the ES2015 library (seen on a real NATS client: ES5 target, no es2017 lib)', () => {
    const service = makeService({ language: 'typescript', moduleSystem: 'commonjs', sourceRoot: '/svc/src', dir: '/svc' });
    const { content, library } = loggerScaffold({ ...service, package: undefined });
    expect(library).toBe('plain');
    expect(diagnosticsWithLib(content, ['lib.es2015.d.ts'])).toEqual([]);
  });
});
