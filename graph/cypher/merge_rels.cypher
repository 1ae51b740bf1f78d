// name: merge_rels
// mode: write
// description: create or update relationships with provenance; a source already recorded is not added twice
// params: rows — list of {src, dst, key, props, sources, evidence, dates, first_seen, last_seen}
// template: src=any_label — label of the start node
// template: type=rel_type — the relationship type
// template: dst=any_label — label of the end node
// A new relationship takes the row as it is (the common case when loading); an existing one gets the
// row's sources it does not have yet. The ON MATCH items are ordered so that they read the old
// r.sources whether or not a SET item sees the ones before it: sources are replaced last.
UNWIND $rows AS row
MATCH (a:{{src}} {id: row.src})
MATCH (b:{{dst}} {id: row.dst})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
ON CREATE SET r += row.props, r.evidence = row.evidence, r.dates = row.dates, r.sources = row.sources,
              r.source_count = size(row.sources), r.first_seen = row.first_seen, r.last_seen = row.last_seen
ON MATCH SET r += row.props,
  r.evidence = coalesce(r.evidence, []) + [i IN range(0, size(row.sources) - 1)
                                           WHERE NOT row.sources[i] IN coalesce(r.sources, []) | row.evidence[i]],
  r.dates = coalesce(r.dates, []) + [i IN range(0, size(row.sources) - 1)
                                     WHERE NOT row.sources[i] IN coalesce(r.sources, []) | row.dates[i]],
  r.source_count = size(coalesce(r.sources, [])) + size([s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]),
  r.first_seen = reduce(m = null, d IN coalesce(r.dates, []) + row.dates |
                        CASE WHEN d = '' THEN m WHEN m IS NULL OR d < m THEN d ELSE m END),
  r.last_seen = reduce(m = null, d IN coalesce(r.dates, []) + row.dates |
                       CASE WHEN d = '' THEN m WHEN m IS NULL OR d > m THEN d ELSE m END),
  r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]
RETURN count(r) AS written
