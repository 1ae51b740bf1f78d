// name: index_id
// mode: schema
// description: FalkorDB: exact-match index on id (the unique constraint is set with GRAPH.CONSTRAINT, which needs it)
// params: none
// template: label=any_label — the label to index
CREATE INDEX FOR (n:{{label}}) ON (n.id)
