// Public API of framework scorecards: load framework files, score an actor against one, with the evidence behind it.
import { InputError } from "@diplograph/model";
import { Window } from "./types.js";

export {
  Framework,
  Dimension,
  Indicator,
  Selector,
  RelationSelector,
  EventSelector,
  AgreementSelector,
  ClaimSelector,
  ScoreRule,
  Window,
  MEASURES,
  DISTINCT_KEYS,
  SELECTOR_KINDS,
  type Measure,
  type DistinctKey,
  type LoadedFramework,
  type Scorecard,
  type DimensionResult,
  type IndicatorResult,
  type ScoreEvidence,
  type EvidenceClaim,
  type ConceptRef,
} from "./types.js";
export { FrameworkError, loadFrameworks, parseFramework, findFramework, conceptIssues, shippedFrameworksDir, type LoadOptions } from "./load.js";
export { evaluateFramework, checkSubject, intersectWindows, scoreValue, type SubjectData, type EvaluateOptions } from "./evaluate.js";
export { loadSubjectData, scoreActor, storedConceptIds } from "./store.js";

/** A run's window from user input (`--from`, `--to`): YYYY, YYYY-MM or YYYY-MM-DD. */
export function parseWindow(from: string | undefined, to: string | undefined): Window {
  const r = Window.safeParse({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  if (!r.success) throw new InputError(`bad window: ${r.error.issues.map((i) => `${i.path.length ? `--${String(i.path[0])}: ` : ""}${i.message}`).join("; ")}`);
  return r.data;
}
