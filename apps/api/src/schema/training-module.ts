// The training curriculum's modules (kept apart because members and sessions both refer to them).
import { builder } from '../builder.js';

export const TrainingModule = builder.prismaNode('TrainingModule', {
  id: { field: 'id' },
  description: 'A training module taught to task-force members.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. `PASSPORT_MPASPOR`.' }),
    name: t.exposeString('name', { description: 'Name in Bahasa Indonesia.' }),
    description: t.exposeString('description', { description: 'What it teaches.' }),
    sortOrder: t.exposeInt('sortOrder', { description: 'Position in the curriculum.' }),
  }),
});
