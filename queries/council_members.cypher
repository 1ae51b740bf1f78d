// name: council_members
// question_ko: 이 협의회(위원회)의 구성원은 누구인가?
// question_en: Who sits on this council or committee?
// args: council
// params: council — id of the council
// columns: member_id, member, label, province_ko, role, year, sources, evidence
MATCH (m:Actor)-[r:MEMBER_OF]->(c:Council {id: $council})
RETURN m.id AS member_id, m.name_ko AS member, [l IN labels(m) WHERE l <> 'Actor'][0] AS label,
       m.province_ko AS province_ko, r.role AS role, coalesce(r.year, r.first_seen) AS year,
       size(r.sources) AS sources, [x IN r.evidence WHERE x <> ''][0] AS evidence
ORDER BY year, member
