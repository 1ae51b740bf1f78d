// name: programme_rows
// description: every participation (actor, programme, year key, sources) — one row each, paired in Python
// params: none
MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Program)
RETURN a.id AS a, p.id AS program, p.name_ko AS name, r.key AS key, r.sources AS docs, r.first_seen AS date
