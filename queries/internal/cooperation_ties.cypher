// name: cooperation_ties
// description: the cooperation network as rows, one per tie item (agreement, dated joint event, council membership), for network analysis; programme-year ties are paired in Python (queries/network.py) from programme_rows, so that a programme with hundreds of participants is never expanded into every pair in the store
// params: none
CALL {
  MATCH (a:Actor)-[r:COOPERATES_WITH]->(b:Actor)
  UNWIND range(0, size(r.sources) - 1) AS i
  RETURN a.id AS a, b.id AS b, 'cooperation' AS via,
         'event ' + CASE WHEN r.dates[i] <> '' THEN r.dates[i] ELSE r.sources[i] END AS item, r.dates[i] AS date,
         null AS program, coalesce(r.kind, 'joint event') AS name, [r.sources[i]] AS docs
  UNION ALL
  MATCH (a:Actor)-[r:SIGNED]->(g:Agreement)<-[:SIGNED]-(b:Actor)
  WHERE a.id < b.id
  RETURN a.id AS a, b.id AS b,
         CASE WHEN r.announced AND NOT coalesce(r.signed, false) THEN 'planned agreement' ELSE 'agreement' END AS via,
         g.id AS item, coalesce(g.date, r.first_seen) AS date,
         null AS program, g.name_ko AS name, r.sources AS docs
  UNION ALL
  MATCH (a:Actor)-[r:MEMBER_OF]->(c:Council)
  RETURN a.id AS a, c.id AS b, 'membership' AS via, c.id + ' ' + r.key AS item, r.first_seen AS date,
         null AS program, c.name_ko AS name, r.sources AS docs
}
RETURN a, b, via, item, date, program, name, docs
