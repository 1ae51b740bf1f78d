// name: heads
// question_ko: 이 기관의 장(시장, 군수, 구청장, 교육감, 교육장, 회장)은 누구인가?
// question_en: Who heads this actor (mayor, county head, superintendent, chair …), and since when?
// args: actor
// params: actor — id of the actor
// columns: person, person_en, role, start, end, first_seen, last_seen, sources, evidence
MATCH (p:Person)-[r:HEADS]->(x:Actor {id: $actor})
RETURN p.name_ko AS person, p.name_en AS person_en, r.role AS role, r.start AS start, r.end AS end,
       r.first_seen AS first_seen, r.last_seen AS last_seen, size(r.sources) AS sources,
       [e IN r.evidence WHERE e <> ''][0] AS evidence
ORDER BY coalesce(r.start, r.first_seen, '') DESC, person
