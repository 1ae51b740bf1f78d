// name: merge_rels
// mode: write
// description: create or update relationships with provenance; a source already recorded is not added twice
// params: rows — list of {src, dst, key, props, sources, evidence, dates}
// template: src=any_label — label of the start node
// template: type=rel_type — the relationship type
// template: dst=any_label — label of the end node
UNWIND $rows AS row
MATCH (a:{{src}} {id: row.src})
MATCH (b:{{dst}} {id: row.dst})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
SET r += row.props
WITH r, row, coalesce(r.sources, []) AS known
WITH r, row, known, [i IN range(0, size(row.sources) - 1) WHERE NOT row.sources[i] IN known] AS fresh
WITH r, row, known + [i IN fresh | row.sources[i]] AS sources,
     coalesce(r.evidence, []) + [i IN fresh | row.evidence[i]] AS evidence,
     coalesce(r.dates, []) + [i IN fresh | row.dates[i]] AS dates
WITH r, sources, evidence, dates, [d IN dates WHERE d <> ''] AS seen
SET r.sources = sources, r.evidence = evidence, r.dates = dates,
    r.source_count = size(sources),
    r.first_seen = reduce(m = null, d IN seen | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.last_seen = reduce(m = null, d IN seen | CASE WHEN m IS NULL OR d > m THEN d ELSE m END)
RETURN count(r) AS written
