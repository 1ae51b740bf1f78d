// name: constraint_id
// mode: schema
// description: Neo4j: unique id per label (also creates the index MERGE uses)
// params: none
// template: label=any_label — the label to constrain
CREATE CONSTRAINT IF NOT EXISTS FOR (n:{{label}}) REQUIRE n.id IS UNIQUE
