/**
 * The dashboard's pure parts, for tests and for anyone embedding the trainer's session
 * elsewhere. The page itself starts from main.ts.
 */
export { TrainerSession } from './session/session.js';
export type { AdminCommand, LoggedAction, LiveSimulation, SimulationFactory, ActionAvailability } from './session/types.js';
export { encodeShareState, decodeShareState, type ShareState } from './session/share-state.js';
export { toView } from './session/from-snapshot.js';
export type { DashboardView } from './session/view.js';
export { GUIDE_STEPS, completedSteps, currentStep, type GuideStep } from './guide/steps.js';
export { MISTAKE_PRESETS, GUIDED_SCENARIO, type MistakePreset } from './guide/presets.js';
export { SPEEDS, playbackTarget } from './clock/playback.js';
