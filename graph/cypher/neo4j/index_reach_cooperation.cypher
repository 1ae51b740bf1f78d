// name: index_reach_cooperation
// mode: schema
// description: Neo4j: range index on COOPERATES_WITH.reach, read by the cross-boundary questions
// params: none
CREATE INDEX cooperation_reach IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.reach)
