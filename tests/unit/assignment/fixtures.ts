import type { Assignment } from '../../../src/schemas/assignment.ts';
import type { ModuleOutline } from '../../../src/lib/progress/summary.ts';

/** A small course outline in course order. */
export const outline: ModuleOutline[] = [
  { id: 'komma-till-sverige', plannedHours: 8, lessonIds: ['komma-till-sverige/valkommen-till-sverige', 'komma-till-sverige/uppehallstillstand'] },
  { id: 'forsorja-sig', plannedHours: 12, lessonIds: ['forsorja-sig/arbetsmarknaden', 'forsorja-sig/soka-jobb', 'forsorja-sig/a-kassa'] },
  { id: 'halsa', plannedHours: 6, lessonIds: ['halsa/varden-i-sverige', 'halsa/levnadsvanor', 'halsa/psykisk-halsa', 'halsa/halsa-och-arbetsmiljo'] },
  { id: 'aldras', plannedHours: 5, lessonIds: ['aldras/pension', 'aldras/aldreomsorg', 'aldras/tjanstepension-och-arbete'] },
];

/** Two whole modules and two single lessons of a third. */
export const assignment: Assignment = {
  v: 1,
  group: 'SFI B tisdagar',
  locale: 'ar',
  due: '2026-12-01',
  modules: ['forsorja-sig', 'komma-till-sverige'],
  lessons: ['halsa/levnadsvanor', 'halsa/psykisk-halsa'],
  site: 'demo',
};
