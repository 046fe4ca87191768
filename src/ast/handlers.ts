import type { ASTPath } from 'jscodeshift';

/** A parameter's name, seen through a default value (`req = x`) and TS annotations; null for patterns. */
function paramName(param: any): string | null {
  let p = param;
  if (p?.type === 'TSParameterProperty') p = p.parameter;
  if (p?.type === 'AssignmentPattern') p = p.left;
  return p?.type === 'Identifier' ? p.name : null;
}

/** `Request`, `express.Request`, `Request<Params>`, `FastifyRequest`: a type whose name ends in Request. */
function isRequestType(annotation: any): boolean {
  const type = annotation?.type === 'TSTypeAnnotation' || annotation?.type === 'TypeAnnotation' ? annotation.typeAnnotation : annotation;
  if (!type) return false;
  if (type.type !== 'TSTypeReference' && type.type !== 'GenericTypeAnnotation') return false;
  const name = type.typeName ?? type.id;
  const last = name?.type === 'TSQualifiedName' || name?.type === 'QualifiedTypeIdentifier' ? (name.right ?? name.id) : name;
  return typeof last?.name === 'string' && /Request$/.test(last.name);
}

const ERROR_NAMES = new Set(['err', 'error', 'e']);
const RESPONSE_NAMES = new Set(['res', 'response']);

/**
 * Whether a function has the parameters of an Express-style handler: `(req, res)`, `(req, res, next)`,
 * `(err, req, res, next)`, or a parameter `req` typed as a Request.
 */
export function isRequestHandler(fn: any, name = 'req'): boolean {
  const params: any[] = fn?.params ?? [];
  const names = params.map(paramName);
  if (names[0] === name && RESPONSE_NAMES.has(names[1] ?? '') && params.length <= 3) return true;
  if (params.length === 4 && ERROR_NAMES.has(names[0] ?? '') && names[1] === name && RESPONSE_NAMES.has(names[2] ?? '')) return true;
  return params.some((p) => paramName(p) === name && isRequestType((p.type === 'AssignmentPattern' ? p.left : p).typeAnnotation));
}

/**
 * Whether `name` (default `req`) at `path` refers to the request parameter of an enclosing
 * Express-style handler, so code there can read `req.correlationId`. A nearer binding of the same
 * name (a local `const req`, a parameter of a function that is not a handler) hides it.
 */
export function hasRequestInScope(path: ASTPath<any>, name = 'req'): boolean {
  const scope = path.scope?.lookup(name);
  if (!scope) return false;
  const fn = scope.node;
  if (!fn || !Array.isArray(fn.params)) return false;
  if (!fn.params.some((p: any) => paramName(p) === name)) return false;
  return isRequestHandler(fn, name);
}

/**
 * Like hasRequestInScope, and the parameter is not typed as something else (a Vite or plain Node
 * middleware's `req: IncomingMessage` has the handler's shape but none of the framework's properties).
 */
export function hasFrameworkRequestInScope(path: ASTPath<any>, name = 'req'): boolean {
  if (!hasRequestInScope(path, name)) return false;
  const fn = path.scope.lookup(name).node;
  const param = fn.params.find((p: any) => paramName(p) === name);
  const typed = (param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param).typeAnnotation;
  return !typed || isRequestType(typed);
}
