// name: heads
// question_ko: 이 기관의 장(시장, 군수, 구청장, 교육감, 교육장, 회장)은 누구였는가? (--date: 그날의 기관장)
// question_en: Who heads this actor (mayor, county head, superintendent, chair …), and since when? With --date, who headed it on that day?
// args: actor
// params: actor — id of the actor
// params: date — a day (YYYY, YYYY-MM or YYYY-MM-DD) or null: only the heads in office then (terms from the reference; facts from articles dated then)
// columns: person, person_en, role, start, end, first_seen, last_seen, sources, evidence
MATCH (p:Person)-[r:HEADS]->(x:Actor {id: $actor})
WHERE $date IS NULL
   OR (r.start IS NOT NULL AND r.start <= $date AND (r.end IS NULL OR r.end >= $date))
   OR (r.start IS NULL AND r.first_seen IS NOT NULL AND left(r.first_seen, size($date)) <= $date
       AND left(r.last_seen, size($date)) >= $date)
RETURN p.name_ko AS person, p.name_en AS person_en, r.role AS role, r.start AS start, r.end AS end,
       r.first_seen AS first_seen, r.last_seen AS last_seen, size(r.sources) AS sources,
       [e IN r.evidence WHERE e <> ''][0] AS evidence
ORDER BY coalesce(r.start, r.first_seen, '') DESC, person
