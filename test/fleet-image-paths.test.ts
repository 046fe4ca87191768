import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { contextPathOf, imageCopiesOf } from '../src/fleet/image-paths';
import { tempTree } from './helpers/cli';

const ctx = '/repo';
const map = (dockerfile: string, imagePath: string) => contextPathOf(imagePath, imageCopiesOf(dockerfile, ctx));

describe('a path in the image, mapped back through the COPY that put it there', () => {
  it('follows a folder copied under its own name from the repository root', () => {
    const d = 'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nCOPY catalog-service/ ./catalog-service/\nCOPY utils/ ./utils/\nCMD ["node", "catalog-service/index.js"]\n';
    expect(map(d, '/app/catalog-service/index.js')).toBe('/repo/catalog-service/index.js');
    expect(map(d, '/app/utils/rabbitmq/client.js')).toBe('/repo/utils/rabbitmq/client.js');
  });

  it('takes a folder copied into the WORKDIR, a folder renamed, and a file by its name', () => {
    expect(map('FROM node\nWORKDIR /app\nCOPY . .\n', '/app/dist/index.js')).toBe('/repo/dist/index.js');
    expect(map('FROM node\nWORKDIR /app\nCOPY api-gateway/ .\n', '/app/index.js')).toBe('/repo/api-gateway/index.js');
    expect(map('FROM node\nCOPY services/pay/src /app/src\n', '/app/src/main.js')).toBe('/repo/services/pay/src/main.js');
    expect(map('FROM node\nWORKDIR /app\nCOPY server.js ./\n', '/app/server.js')).toBe('/repo/server.js');
    expect(map('FROM node\nCOPY start.js /srv/main.js\n', '/srv/main.js')).toBe('/repo/start.js');
  });

  it('lets a later copy win, and leaves a file no copy reaches unmapped', () => {
    const d = 'FROM node\nWORKDIR /app\nCOPY . .\nCOPY services/web/src ./src\n';
    expect(map(d, '/app/src/index.js')).toBe('/repo/services/web/src/index.js');
    expect(map('FROM node\nWORKDIR /app\nCOPY package.json ./\n', '/app/dist/index.js')).toBeUndefined();
    // A file copied into the same folder afterwards covers only its own name.
    expect(map('FROM node\nWORKDIR /app\nCOPY services/web ./\nCOPY package.json ./\n', '/app/src/index.js')).toBe('/repo/services/web/src/index.js');
  });

  it('follows `COPY --from` back through the build stage to the context', () => {
    const d = 'FROM node:20 AS build\nWORKDIR /src\nCOPY services/api ./\nRUN npm run build\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /src/dist ./dist\nCMD ["node", "dist/main.js"]\n';
    expect(map(d, '/app/dist/main.js')).toBe('/repo/services/api/dist/main.js');
  });
});

describe("a service's Dockerfile CMD as an entry point", () => {
  it("is the file the COPY destination holds, not the CMD path read from the service's folder", () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'shop', private: true }),
      'catalog/package.json': JSON.stringify({ name: 'catalog', dependencies: { express: '^4.18.0' } }),
      'catalog/server.js': "require('express')().listen(3000);\n",
      'catalog/index.js': "console.log('a conventional name, not what the image runs');\n",
      'catalog/Dockerfile': 'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nCOPY catalog/ ./catalog/\nCMD ["node", "catalog/server.js"]\n',
    });
    const s = buildFleet(loadConfig(dir)).services.find((x) => x.name === 'catalog')!;
    expect(s.entries.map((e) => [path.relative(dir, e.file), e.from])).toEqual([['catalog/server.js', 'dockerfile']]);
  });
});
