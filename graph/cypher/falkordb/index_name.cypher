// name: index_name
// mode: schema
// description: FalkorDB: index on the Korean name, for look-ups by name
// params: none
// template: label=any_label — the label to index
CREATE INDEX FOR (n:{{label}}) ON (n.name_ko)
