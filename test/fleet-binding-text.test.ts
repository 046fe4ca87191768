import { describe, expect, it } from 'vitest';
import { mayBindWhole, mayCreateApp, mayCreateResource } from '../src/fleet/binding-text';

describe('binding text tests: a named import alone never needs the tree', () => {
  it('rules out a whole-module binding for named requires and imports only', () => {
    expect(mayBindWhole("const { Router } = require('express');\nmodule.exports = Router();\n", ['express'])).toBe(false);
    expect(mayBindWhole('import { Router, json as body } from "express";\n', ['express'])).toBe(false);
    expect(mayBindWhole("const { Router: R } = require('express'), x = 1;\n", ['express'])).toBe(false);
  });

  it('needs the tree wherever the whole module may be bound or called', () => {
    const whole = [
      "import express from 'express';",
      "import * as express from 'express';",
      "import express, { Router } from 'express';",
      "import { default as make } from 'express';",
      "const { default: make } = require('express');",
      "const { Router } = require('express'); const make = require('express');",
      "const express = require('express');",
      "const app = require('express')();",
      "const { Router } = require('express')\n(opts);",
      "const make = require('express').default;",
      "const { Router /* and the app */ } = require('express');",
      "const { Router } = require(/* the framework */ 'express');",
      "import express = require('express');",
      'const express_1 = __importDefault(require("express"));',
      "const { Router } = require('expr\\u0065ss'); const e = require('expr\\x65ss');",
      "const { Router } = require('express'); const e = requ\\u0069re('express');",
    ];
    for (const source of whole) expect(mayBindWhole(source, ['express']), source).toBe(true);
  });

  it('mayCreateApp: an Express router makes no app; a server, Fastify or Nest call may', () => {
    expect(mayCreateApp("import { Router } from 'express';\nexport default Router();\n")).toBe(false);
    expect(mayCreateApp("import http from 'http';\nhttp.get('http://x');\nexport default 1;\n")).toBe(false);
    expect(mayCreateApp("import { createServer } from 'http';\nexport default createServer(h);\n")).toBe(true);
    expect(mayCreateApp("const http = require('node:http');\nmodule.exports = new http.Server(h);\n")).toBe(true);
    expect(mayCreateApp("import { fastify } from 'fastify';\nexport default fastify();\n")).toBe(true);
    expect(mayCreateApp("import { NestFactory } from '@nestjs/core';\nexport default NestFactory.create(M);\n")).toBe(true);
    expect(mayCreateApp("import Koa from 'koa';\nexport default new Koa();\n")).toBe(true);
  });

  it('mayCreateResource: a pg import without Pool, Client or a whole binding opens nothing; each of those may', () => {
    const pg = { modules: ['pg', 'pg-pool'], creators: ['Pool', 'Client', '()'] };
    expect(mayCreateResource("const { types } = require('pg');\ntypes.setTypeParser(20, Number);\n", pg)).toBe(false);
    expect(mayCreateResource("const { Pool } = require('pg');\nconst pool = new Pool();\n", pg)).toBe(true);
    expect(mayCreateResource("import pg from 'pg';\nconst pool = new pg.Pool();\n", pg)).toBe(true);
    expect(mayCreateResource("import connect from 'pg';\nconst db = connect();\n", pg)).toBe(true);
    const mongo = { modules: ['mongodb'], creators: ['MongoClient', 'MongoClient.connect'] };
    expect(mayCreateResource("const { ObjectId } = require('mongodb');\n", mongo)).toBe(false);
    expect(mayCreateResource("const { MongoClient } = require('mongodb');\nMongoClient.connect(url);\n", mongo)).toBe(true);
  });
});
