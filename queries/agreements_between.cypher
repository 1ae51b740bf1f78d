// name: agreements_between
// question_ko: 두 기관이 함께 맺은 협약은 무엇인가?
// question_en: Which agreements did these two actors sign together?
// args: actor, other
// params: actor — id of the first actor
// params: other — id of the second actor
// params: since — earliest date or null
// params: until — latest date, inclusive, or null
// columns: agreement_id, agreement, kind, date, parties, sources, evidence
MATCH (a:Actor {id: $actor})-[r:SIGNED]->(g:Agreement)<-[:SIGNED]-(b:Actor {id: $other})
WITH g, r, coalesce(g.date, r.first_seen) AS date
WHERE ($since IS NULL OR date >= $since) AND ($until IS NULL OR substring(date, 0, size($until)) <= $until)
MATCH (p:Actor)-[s:SIGNED]->(g)
WITH g, date, collect(DISTINCT p.name_ko) AS parties, collect(s.sources) AS docs, collect(s.evidence) AS sentences
RETURN g.id AS agreement_id, g.name_ko AS agreement, g.kind AS kind, date, parties,
       size(reduce(acc = [], l IN docs | acc + [d IN l WHERE NOT d IN acc])) AS sources,
       [x IN reduce(acc = [], l IN sentences | acc + [t IN l WHERE NOT t IN acc]) WHERE x <> ''][0..2] AS evidence
ORDER BY date DESC, agreement
