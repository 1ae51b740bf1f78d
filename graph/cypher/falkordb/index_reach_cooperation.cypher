// name: index_reach_cooperation
// mode: schema
// description: FalkorDB: range index on COOPERATES_WITH.reach, read by the cross-boundary questions
// params: none
CREATE INDEX FOR ()-[r:COOPERATES_WITH]-() ON (r.reach)
