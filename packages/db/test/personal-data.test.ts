// Personal data must be findable: every field marked `@personal` in schema.prisma is in the list that
// analytics and the API consult, and nothing in that list lacks the marker.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personalFields } from '../src/personal-data.js';
import { schemaPath } from '../src/schema-engine.js';

function markedFields(schema: string): Record<string, string[]> {
  const marked: Record<string, string[]> = {};
  let model: string | null = null;
  let pendingMarker = false;
  for (const line of schema.split('\n').map((text) => text.trim())) {
    const modelStart = /^model (\w+) \{/.exec(line);
    if (modelStart) model = modelStart[1]!;
    else if (line === '}') model = null;
    else if (line.startsWith('///')) pendingMarker ||= line.includes('@personal');
    else if (model && pendingMarker && /^\w+\s/.test(line)) {
      (marked[model] ??= []).push(line.split(/\s+/)[0]!);
      pendingMarker = false;
    } else pendingMarker = false;
  }
  return marked;
}

describe('personal data', () => {
  it('lists exactly the fields schema.prisma marks @personal', () => {
    const marked = markedFields(readFileSync(schemaPath, 'utf8'));
    expect(marked).toEqual(
      Object.fromEntries(Object.entries(personalFields).map(([model, fields]) => [model, [...fields]])),
    );
  });

  it('marks names and phone numbers of task-force members and reporters', () => {
    expect(personalFields.TaskForceMember).toEqual(expect.arrayContaining(['fullName', 'phone']));
    expect(personalFields.VillageReport).toEqual(expect.arrayContaining(['reporterName', 'reporterPhone']));
  });
});
