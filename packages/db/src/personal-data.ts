// Personal data in the model: fields documented `@personal` in schema.prisma. Analytics and exports must
// never select them; the API shows them only to roles allowed to see them. A test keeps this list equal
// to the markers in the schema.
export const personalFields = {
  Designation: ['officerName'],
  TaskForceMember: ['fullName', 'phone'],
  VillageReport: ['reporterName', 'reporterPhone'],
  User: ['displayName'],
} as const satisfies Record<string, readonly string[]>;

export type PersonalModel = keyof typeof personalFields;
