// name: index_reach_agreement
// mode: schema
// description: FalkorDB: range index on Agreement.reach, read by the cross-boundary questions
// params: none
CREATE INDEX FOR (n:Agreement) ON (n.reach)
