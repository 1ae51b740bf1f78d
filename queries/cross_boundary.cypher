// name: cross_boundary
// question_ko: 관할 밖 교육청과 협력하는 지자체는 어디인가?
// question_en: Which local governments cooperate with an office of education that does not cover them?
// args:
// params: since — earliest date or null; undated ties drop out when a period is given
// params: until — latest date, inclusive, or null
// params: limit — the most rows to return
// default: limit=200
// columns: government_id, government, government_province, office_id, office, office_province, via, ties, first, last, sources, evidence
// note: in jurisdiction are the district office that covers the government, the provincial office of its 시·도, and any office of the 시·도 for the 시·도 itself
// `reach` (graph/reach.py) is set when a tie is written and indexed, so only crossing ties are read.
// Both directions are spelled out: FalkorDB's relationship index scan follows only one direction of an
// undirected pattern.
// The COVERS test stays inside the branch: FalkorDB evaluates a pattern placed after CALL { … UNION … }
// against the wrong row.
CALL {
  MATCH (g:LocalGovernment)<-[r:COOPERATES_WITH]-(e:EducationOffice)
  WHERE r.reach >= 1
  RETURN g, e, 'cooperation' AS via, r.first_seen AS first, r.last_seen AS last, size(r.sources) AS n, r AS tie
  UNION ALL
  MATCH (g:LocalGovernment)-[r:COOPERATES_WITH]->(e:EducationOffice)
  WHERE r.reach >= 1
  RETURN g, e, 'cooperation' AS via, r.first_seen AS first, r.last_seen AS last, size(r.sources) AS n, r AS tie
  UNION ALL
  MATCH (a:Agreement)
  WHERE a.reach >= 1
  MATCH (g:LocalGovernment)-[r:SIGNED]->(a)<-[:SIGNED]-(e:EducationOffice)
  WHERE NOT (e)-[:COVERS]->(g)
    AND NOT (e.level = 'provincial' AND e.province_ko = g.province_ko)
    AND NOT (g.level = 'metropolitan' AND e.province_ko = g.province_ko)
  RETURN g, e, 'agreement' AS via, coalesce(a.date, r.first_seen) AS first, coalesce(a.date, r.last_seen) AS last,
         size(r.sources) AS n, r AS tie
}
// Each tie travels as itself and its evidence sentence is read only for the page returned (the first tie
// with one), and pairs are grouped by their nodes with the names read once per pair, not per tie: on Neo4j
// 38 → 28 ms at 100,000 relationships, on the embedded store no slower. Ids break ties of name (서구 of
// 부산 and of 광주), so that both stores return the same page.
WITH g, e, via, first, last, n, tie
WHERE ($since IS NULL OR last >= $since) AND ($until IS NULL OR substring(first, 0, size($until)) <= $until)
WITH g, e, collect(DISTINCT via) AS via, count(*) AS ties, min(first) AS first, max(last) AS last,
     toInteger(sum(n)) AS sources, collect(tie) AS tie_list
WITH g, e, via, ties, first, last, sources, tie_list, g.name_ko AS gname, e.name_ko AS ename
ORDER BY ties DESC, sources DESC, gname, ename, g.id, e.id
LIMIT $limit
RETURN g.id AS government_id, gname AS government, g.province_ko AS government_province, e.id AS office_id,
       ename AS office, e.province_ko AS office_province, via, ties, first, last, sources,
       [x IN [t IN tie_list | [y IN t.evidence WHERE y <> ''][0]] WHERE x IS NOT NULL][0] AS evidence
ORDER BY ties DESC, sources DESC, government, office, government_id, office_id
