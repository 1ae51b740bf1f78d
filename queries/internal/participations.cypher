// name: participations
// description: who takes part in a programme, with the year, for filtering the network by programme
// params: program — id of the programme
MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Program {id: $program})
RETURN a.id AS id, coalesce(r.year, r.first_seen) AS year
