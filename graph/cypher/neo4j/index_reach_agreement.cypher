// name: index_reach_agreement
// mode: schema
// description: Neo4j: range index on Agreement.reach, read by the cross-boundary questions
// params: none
CREATE INDEX agreement_reach IF NOT EXISTS FOR (n:Agreement) ON (n.reach)
