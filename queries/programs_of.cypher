// name: programs_of
// question_ko: 이 기관은 어떤 사업에 언제, 어떤 역할로 참여하는가?
// question_en: Which programmes does this actor take part in, when and in what role?
// args: actor
// params: actor — id of the actor
// params: since — earliest year or date, or null
// params: until — latest year or date, inclusive, or null
// columns: program_id, program, program_en, year, role, sources, evidence
MATCH (a:Actor {id: $actor})-[r:PARTICIPATES_IN]->(p:Program)
WITH p, r, coalesce(r.year, r.first_seen) AS year
WHERE ($since IS NULL OR year >= $since) AND ($until IS NULL OR substring(year, 0, size($until)) <= $until)
RETURN p.id AS program_id, p.name_ko AS program, p.name_en AS program_en, year, r.role AS role,
       size(r.sources) AS sources, [x IN r.evidence WHERE x <> ''][0] AS evidence
ORDER BY program, year
