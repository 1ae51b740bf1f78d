// name: agreements_of
// question_ko: 이 기관이 맺은 협약(업무협약, MOU, 부속 합의서, 공동선언)은 무엇이며, 언제 누구와 맺었는가?
// question_en: Which agreements (업무협약, MOU, 부속 합의서, joint declarations) did this actor sign, when and with whom?
// args: actor, kind?
// params: actor — id of the actor
// params: kind — agreement kind (업무협약, MOU, 부속 합의서, 공동선언, 협약) or null for all
// params: since — earliest date or null; undated agreements drop out when a period is given
// params: until — latest date, inclusive, or null
// columns: agreement_id, agreement, kind, date, parties, sources, evidence
MATCH (a:Actor {id: $actor})-[r:SIGNED]->(g:Agreement)
WITH g, r, coalesce(g.date, r.first_seen) AS date
WHERE ($kind IS NULL OR g.kind = $kind)
  AND ($since IS NULL OR date >= $since) AND ($until IS NULL OR substring(date, 0, size($until)) <= $until)
MATCH (p:Actor)-[s:SIGNED]->(g)
WITH g, date, collect(DISTINCT p.name_ko) AS parties, collect(s.sources) AS docs, collect(s.evidence) AS sentences
RETURN g.id AS agreement_id, g.name_ko AS agreement, g.kind AS kind, date, parties,
       size(reduce(acc = [], l IN docs | acc + [d IN l WHERE NOT d IN acc])) AS sources,
       [x IN reduce(acc = [], l IN sentences | acc + [t IN l WHERE NOT t IN acc]) WHERE x <> ''][0..2] AS evidence
ORDER BY date DESC, agreement
