// name: index_name
// mode: schema
// description: Neo4j: index on the Korean name, for look-ups by name
// params: none
// template: label=any_label — the label to index
CREATE INDEX IF NOT EXISTS FOR (n:{{label}}) ON (n.name_ko)
