// name: merge_links
// mode: write
// description: create or update relationships that carry no provenance of their own (MENTIONS)
// params: rows — list of {src, dst, key, props}
// template: src=any_label — label of the start node
// template: type=rel_type — the relationship type
// template: dst=any_label — label of the end node
UNWIND $rows AS row
MATCH (a:{{src}} {id: row.src})
MATCH (b:{{dst}} {id: row.dst})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written
