// The columns the seed writes, table by table, in foreign-key order (a table only references tables
// above it). The drift test keeps these names honest: a renamed column fails the seed test.
export const areaTables = {
  province: ['id', 'code', 'name'],
  regency: ['id', 'code', 'name', 'kind', 'province_id'],
  district: ['id', 'code', 'name', 'regency_id', 'province_id'],
  village: [
    'id',
    'code',
    'name',
    'kind',
    'district_id',
    'regency_id',
    'province_id',
    'is_land_border',
    'is_sea_border',
    'is_migrant_worker_sending_area',
    'distance_to_office_km',
  ],
  regional_office: ['id', 'name', 'city', 'province_id'],
  immigration_office: [
    'id',
    'code',
    'name',
    'office_class',
    'has_checkpoint',
    'city',
    'province_id',
    'regional_office_id',
  ],
  office_working_area: ['office_id', 'regency_id'],
  training_module: ['id', 'code', 'name', 'description', 'sort_order'],
} as const;

export const programmeTables = {
  designation: [
    'id',
    'village_id',
    'variant',
    'office_id',
    'year',
    'status',
    'inaugurated_on',
    'status_changed_at',
    'decree_number',
    'decree_date',
    'officer_name',
    'selection_reasons',
    'created_at',
  ],
  designation_status_change: [
    'id',
    'designation_id',
    'from_status',
    'to_status',
    'effective_on',
    'recorded_at',
    'recorded_by',
    'reason',
  ],
  province_target: ['id', 'province_id', 'year', 'villages_to_designate', 'members_to_train'],
  regency_target: ['id', 'regency_id', 'year', 'villages_to_designate', 'members_to_train'],
  task_force: ['id', 'designation_id', 'formed_on', 'decree_number'],
  task_force_member: ['id', 'task_force_id', 'role', 'full_name', 'phone', 'is_synthetic', 'joined_on', 'left_on'],
  training_session: ['id', 'office_id', 'held_on', 'place', 'village_id'],
  training_session_module: ['session_id', 'module_id'],
  training_attendance: ['id', 'session_id', 'member_id', 'module_id', 'attended', 'completed'],
  activity: [
    'id',
    'type',
    'title',
    'held_on',
    'place',
    'village_id',
    'regency_id',
    'province_id',
    'office_id',
    'agencies_present',
    'attendee_count',
    'description',
  ],
  village_report: [
    'id',
    'submitter',
    'source',
    'client_reference',
    'village_id',
    'regency_id',
    'province_id',
    'designation_id',
    'type',
    'occurred_on',
    'submitted_at',
    'people_involved',
    'description',
    'reporter_name',
    'reporter_phone',
    'status',
    'status_changed_at',
    'followed_up_at',
  ],
  report_status_transition: [
    'id',
    'report_id',
    'from_status',
    'to_status',
    'changed_at',
    'changed_by',
    'note',
    'action_taken',
    'agencies',
  ],
} as const;

/** Sign-in data: demo users are seeded; sessions, tokens and the audit trail go with them on --reset. */
const accessTables = ['app_user', 'session', 'api_token', 'audit_log'];

/** Every table the seed fills, children first: the order to empty them in. */
export const seededTablesChildrenFirst = [
  ...Object.keys(areaTables),
  ...Object.keys(programmeTables),
  ...accessTables,
].reverse();

/** Tables whose `id` comes from a sequence that must move past the ids the seed assigned. */
export const tablesWithSerialId = Object.entries({ ...areaTables, ...programmeTables })
  .filter(([, columns]) => (columns as readonly string[]).includes('id'))
  .map(([table]) => table);
