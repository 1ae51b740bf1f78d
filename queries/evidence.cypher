// name: evidence
// question_ko: 두 기관의 관계를 뒷받침하는 근거(기사, 날짜, 문장)는 무엇인가?
// question_en: What is the evidence for the ties between these two actors: documents, dates and sentences?
// args: actor, other
// params: actor — id of the first actor
// params: other — id of the second actor
// columns: relation, via, date, document, publisher, url, sentence
MATCH (a:Actor {id: $actor}), (b:Actor {id: $other})
CALL {
  WITH a, b
  MATCH (a)-[r]-(b)
  WHERE type(r) <> 'MENTIONS'
  RETURN type(r) AS relation, null AS via, r
  UNION ALL
  WITH a, b
  MATCH (a)-[s:SIGNED]->(g:Agreement)<-[t:SIGNED]-(b)
  UNWIND [s, t] AS r
  RETURN 'SIGNED' AS relation, g.name_ko AS via, r
  UNION ALL
  WITH a, b
  MATCH (a)-[s:MEMBER_OF]->(c:Council)<-[t:MEMBER_OF]-(b)
  UNWIND [s, t] AS r
  RETURN 'MEMBER_OF' AS relation, c.name_ko AS via, r
  UNION ALL
  WITH a, b
  MATCH (a)-[s:PARTICIPATES_IN]->(p:Program)<-[t:PARTICIPATES_IN]-(b)
  WHERE s.key = t.key
  UNWIND [s, t] AS r
  RETURN 'PARTICIPATES_IN' AS relation, p.name_ko AS via, r
}
UNWIND range(0, size(r.sources) - 1) AS i
WITH relation, via, r, i, r.sources[i] AS doc
MATCH (d:Document {id: doc})
RETURN DISTINCT relation, via, r.dates[i] AS date, coalesce(d.title, d.name_ko) AS document, d.publisher AS publisher,
       d.url AS url, r.evidence[i] AS sentence
ORDER BY date, relation, via
