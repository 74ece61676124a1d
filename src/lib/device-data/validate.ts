/**
 * Validators for stored and exported data. They are generated from the zod schemas in
 * `src/schemas/` (`npm run schemas` compiles the same JSON Schemas that are published under
 * `/schemas/`), so the browser enforces exactly the published contract without shipping zod.
 */
import * as generated from './validators.generated.ts';
import type { ProgressExport, ProgressStore } from '../../schemas/progress.ts';
import type { Assignment, AssignmentStore } from '../../schemas/assignment.ts';
import type { SurveyExportFile, SurveyStoreV1 } from '../../schemas/survey-response.ts';
import type { VisitsStore } from '../../schemas/visits.ts';
import type { Preferences } from '../../schemas/preferences.ts';
import type { CardFile, CardStore } from '../../schemas/competence-card.ts';
import type { AudioManifest } from '../../schemas/audio.ts';
import type { PassportStore } from '../../schemas/passport.ts';
import type { GroupStore } from '../../schemas/group.ts';
import type { SurveyPartialFile } from '../../schemas/survey-partial.ts';

/** Checks a value against one schema. `describe` names the first problem, for reports. */
export interface Validator<T> {
  (value: unknown): value is T;
  describe(value: unknown): string | null;
}

interface AjvFunction {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}

function wrap<T>(fn: AjvFunction): Validator<T> {
  const validator = ((value: unknown) => fn(value)) as Validator<T>;
  validator.describe = (value) => {
    if (fn(value)) return null;
    const error = fn.errors?.[0];
    return error ? `${error.instancePath || '(root)'}: ${error.message ?? 'invalid'}` : 'invalid';
  };
  return validator;
}

export const isProgressStoreV1 = /* @__PURE__ */ wrap<ProgressStore>(generated.progressStoreV1);
export const isProgressFileV2 = /* @__PURE__ */ wrap<ProgressExport>(generated.progressFileV2);
export const isPassportStoreV1 = /* @__PURE__ */ wrap<PassportStore>(generated.passportStoreV1);
export const isAssignmentV1 = /* @__PURE__ */ wrap<Assignment>(generated.assignmentV1);
export const isAssignmentStoreV1 = /* @__PURE__ */ wrap<AssignmentStore>(generated.assignmentStoreV1);
export const isSurveyStoreV1 = /* @__PURE__ */ wrap<SurveyStoreV1>(generated.surveyStoreV1);
export const isSurveyFileV1 = /* @__PURE__ */ wrap<SurveyExportFile>(generated.surveyFileV1);
export const isVisitsStoreV1 = /* @__PURE__ */ wrap<VisitsStore>(generated.visitsStoreV1);
export const isPreferencesStoreV1 = /* @__PURE__ */ wrap<Preferences>(generated.preferencesStoreV1);
export const isCardStoreV1 = /* @__PURE__ */ wrap<CardStore>(generated.cardStoreV1);
export const isCardFileV1 = /* @__PURE__ */ wrap<CardFile>(generated.cardFileV1);
export const isAudioManifestV1 = /* @__PURE__ */ wrap<AudioManifest>(generated.audioManifestV1);
export const isGroupStoreV1 = /* @__PURE__ */ wrap<GroupStore>(generated.groupStoreV1);
export const isSurveyPartialV1 = /* @__PURE__ */ wrap<SurveyPartialFile>(generated.surveyPartialV1);
