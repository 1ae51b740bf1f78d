// name: program_participants
// question_ko: 이 사업(교육발전특구, 미래교육협력지구 등)에 어느 기관이 언제, 어떤 역할로 참여하는가?
// question_en: Who takes part in this programme, in which year and in what role?
// args: program
// params: program — id of the programme
// params: since — earliest year or date, or null; participations without a year drop out when a period is given
// params: until — latest year or date, inclusive, or null
// columns: participant_id, participant, label, province_ko, year, role, sources, evidence
MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Program {id: $program})
WITH a, r, coalesce(r.year, r.first_seen) AS year
WHERE ($since IS NULL OR year >= $since) AND ($until IS NULL OR substring(year, 0, size($until)) <= $until)
RETURN a.id AS participant_id, a.name_ko AS participant, [l IN labels(a) WHERE l <> 'Actor'][0] AS label,
       a.province_ko AS province_ko, year, r.role AS role, size(r.sources) AS sources,
       [x IN r.evidence WHERE x <> ''][0] AS evidence
ORDER BY year, province_ko, participant
