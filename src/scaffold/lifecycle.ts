import path from 'node:path';
import type { ServiceModel } from '../fleet/types';
import { withRuntimeExtension, type ImportStyle } from '../ast/modules';

/**
 * The process lifecycle module that readiness-probe and graceful-shutdown share: the `/ready` route
 * answers 503 until `markStarted()` ran and again once `markDraining()` ran, so the orchestrator
 * stops sending traffic before the server closes. One module per service, created by whichever of
 * the two transforms runs (the runner writes a generated path once; both build the same text here).
 */
export const LIFECYCLE_BASENAME = 'lifecycle';

export interface LifecycleModule {
  /** Absolute path of the module inside the service. */
  path: string;
  /** Import specifier from `fromFile` (relative, with the extension the module system needs). */
  specifierFrom(fromFile: string): string;
  content: string;
}

const HEADER = `/**
 * Process lifecycle for readiness: /ready answers 503 until startup has finished and again while a
 * shutdown drains, so the orchestrator stops routing traffic here before the server closes.
 * A signal handler in one module can drain a server another module owns: the server's module
 * registers its shutdown with onShutdown, the handler runs runShutdown first.
 * Created by shipshape (readiness-probe, graceful-shutdown): yours to change.
 */`;

function typescript(): string {
  return `${HEADER}
export const lifecycle = { started: false, draining: false };

export function markStarted(): void {
  lifecycle.started = true;
}

export function markDraining(): void {
  lifecycle.draining = true;
}

export function isReady(): boolean {
  return lifecycle.started && !lifecycle.draining;
}

type ShutdownStep = (signal: NodeJS.Signals) => unknown;
const shutdownSteps: ShutdownStep[] = [];

export function onShutdown(step: ShutdownStep): void {
  shutdownSteps.push(step);
}

/** Runs the registered steps once, in order, then the handler that called it. */
export async function runShutdown(signal: NodeJS.Signals, then?: ShutdownStep): Promise<void> {
  for (const step of shutdownSteps.splice(0)) await step(signal);
  if (then) await then(signal);
}
`;
}

function esm(): string {
  return `${HEADER}
export const lifecycle = { started: false, draining: false };

export function markStarted() {
  lifecycle.started = true;
}

export function markDraining() {
  lifecycle.draining = true;
}

export function isReady() {
  return lifecycle.started && !lifecycle.draining;
}

const shutdownSteps = [];

export function onShutdown(step) {
  shutdownSteps.push(step);
}

/** Runs the registered steps once, in order, then the handler that called it. */
export async function runShutdown(signal, then) {
  for (const step of shutdownSteps.splice(0)) await step(signal);
  if (then) await then(signal);
}
`;
}

function commonjs(): string {
  return `${HEADER}
'use strict';

const lifecycle = { started: false, draining: false };

function markStarted() {
  lifecycle.started = true;
}

function markDraining() {
  lifecycle.draining = true;
}

function isReady() {
  return lifecycle.started && !lifecycle.draining;
}

const shutdownSteps = [];

function onShutdown(step) {
  shutdownSteps.push(step);
}

/** Runs the registered steps once, in order, then the handler that called it. */
async function runShutdown(signal, then) {
  for (const step of shutdownSteps.splice(0)) await step(signal);
  if (then) await then(signal);
}

module.exports = { lifecycle, markStarted, markDraining, isReady, onShutdown, runShutdown };
`;
}

/** The lifecycle module for a service: in its source root, in its language and module system. */
export function lifecycleModule(service: Pick<ServiceModel, 'sourceRoot'> & ImportStyle): LifecycleModule {
  const ts = service.language === 'typescript';
  const ext = ts ? '.ts' : '.js';
  const file = path.join(service.sourceRoot, `${LIFECYCLE_BASENAME}${ext}`);
  const content = ts ? typescript() : service.moduleSystem === 'esm' ? esm() : commonjs();
  return {
    path: file,
    content,
    specifierFrom(fromFile: string) {
      let rel = path.relative(path.dirname(fromFile), path.join(service.sourceRoot, LIFECYCLE_BASENAME)).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return withRuntimeExtension(rel, service, fromFile);
    },
  };
}
