// name: jurisdiction
// question_ko: 이 지자체를 관할하는 교육지원청은 어디인가? 이 교육청이 관할하는 지자체는 어디인가?
// question_en: Which district office of education covers this municipality, and which municipalities does this office cover?
// args: actor
// params: actor — id of a local government or an office of education
// columns: relation, id, name_ko, label, via, valid_from, valid_to
MATCH (x:Actor {id: $actor})
CALL {
  WITH x
  MATCH (e:EducationOffice)-[c:COVERS]->(x)
  RETURN 'covered by' AS relation, e AS other, null AS via, c
  UNION ALL
  WITH x
  MATCH (x)-[c:COVERS]->(g:LocalGovernment)
  RETURN 'covers' AS relation, g AS other, null AS via, c
  UNION ALL
  WITH x
  MATCH (d:EducationOffice)-[:PART_OF]->(x:EducationOffice)
  MATCH (d)-[c:COVERS]->(g:LocalGovernment)
  RETURN 'covers' AS relation, g AS other, d.name_ko AS via, c
}
RETURN relation, other.id AS id, other.name_ko AS name_ko, [l IN labels(other) WHERE l <> 'Actor'][0] AS label,
       via, c.valid_from AS valid_from, c.valid_to AS valid_to
ORDER BY relation, via, name_ko
