// name: agreements
// question_ko: 어떤 협약이 언제 체결되었는가? (종류·기간별)
// question_en: Which agreements were signed, by kind and period?
// args: kind?
// params: kind — agreement kind (업무협약, MOU, 부속 합의서, 공동선언, 협약) or null for all
// params: since — earliest date or null
// params: until — latest date, inclusive, or null
// params: limit — the most rows to return
// default: limit=200
// columns: agreement_id, agreement, kind, date, parties, sources
MATCH (g:Agreement)
WHERE ($kind IS NULL OR g.kind = $kind)
  AND ($since IS NULL OR g.date >= $since) AND ($until IS NULL OR substring(g.date, 0, size($until)) <= $until)
WITH g
ORDER BY g.date DESC, g.name_ko
LIMIT $limit
MATCH (p:Actor)-[s:SIGNED]->(g)
WITH g, collect(DISTINCT p.name_ko) AS parties, collect(s.sources) AS docs
RETURN g.id AS agreement_id, g.name_ko AS agreement, g.kind AS kind, g.date AS date, parties,
       size(reduce(acc = [], l IN docs | acc + [d IN l WHERE NOT d IN acc])) AS sources
ORDER BY date DESC, agreement
