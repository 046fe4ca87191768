/** Where a run's time went, by stage (milliseconds, wall clock of the main thread): the JSON report's `timings`. */
export interface RunTimings {
  /** Config, transform selection and service discovery. */
  setupMs: number;
  /** The file walk (ignore files, globs, wanted paths). */
  discoveryMs: number;
  /** The fleet model (graph, roles, facts). */
  fleetMs: number;
  /** Run-level hooks (`prepare`, `generate`) of every service. */
  prepareMs: number;
  /** The files' transforms (workers included). */
  transformMs: number;
  /** Verification (type and module checks of the planned writes). */
  verifyMs: number;
  /** The whole of `execute`, from config load to the report (process start-up not included). */
  totalMs: number;
}

/**
 * Marks stage ends as a run goes: each `end(stage)` books the time since the previous mark, so the
 * stages add up to the total and a run needs one line per stage.
 */
export function stopwatch(): { end(stage: Exclude<keyof RunTimings, 'totalMs'>): void; done(): RunTimings } {
  const started = performance.now();
  let last = started;
  const t: RunTimings = { setupMs: 0, discoveryMs: 0, fleetMs: 0, prepareMs: 0, transformMs: 0, verifyMs: 0, totalMs: 0 };
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    end(stage) {
      const now = performance.now();
      t[stage] = round(t[stage] + now - last);
      last = now;
    },
    done() {
      t.totalMs = round(performance.now() - started);
      return t;
    },
  };
}
