// name: raw_rels
// mode: write
// description: the engine's ceiling for relationships: the same rows and provenance lists through a bare MERGE … SET, without the writer's create-or-merge logic
// params: rows — list of {src, dst, key, props, sources, evidence, dates}
// template: src=any_label — label of the start node
// template: type=rel_type — the relationship type
// template: dst=any_label — label of the end node
UNWIND $rows AS row
MATCH (a:{{src}} {id: row.src})
MATCH (b:{{dst}} {id: row.dst})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
SET r += row.props, r.sources = row.sources, r.evidence = row.evidence, r.dates = row.dates
