// The cases table's partial indexes added for intake (migration 20261219000000_partial_case_indexes,
// the same on SQLite and PostgreSQL): a new case writes nothing in them.
export const PARTIAL_CASE_INDEXES = [
  'cases_owner_id_status_number_idx',
  'cases_expert_id_expert_assigned_at_idx',
  'cases_team_approval_status_number_idx',
  'cases_team_risk_band_number_idx',
  'cases_incident_id_number_idx',
];
